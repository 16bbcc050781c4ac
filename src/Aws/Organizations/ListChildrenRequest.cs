namespace ComplianceReport.Aws.Organizations;

/// <summary>The request shape of ListOrganizationalUnitsForParent and ListAccountsForParent.</summary>
public sealed record ListChildrenRequest(string ParentId, string? NextToken, int? MaxResults);
