namespace ComplianceReport.Aws.Organizations;

/// <summary>ListTagsForResource's request: an account id, OU id or root id; the operation takes no MaxResults.</summary>
public sealed record ListTagsForResourceRequest(string ResourceId, string? NextToken);
