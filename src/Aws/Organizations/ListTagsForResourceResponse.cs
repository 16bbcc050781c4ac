namespace ComplianceReport.Aws.Organizations;

public sealed record ListTagsForResourceResponse(IReadOnlyList<OrganizationTag>? Tags, string? NextToken);
