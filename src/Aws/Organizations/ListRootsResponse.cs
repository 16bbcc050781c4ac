namespace ComplianceReport.Aws.Organizations;

public sealed record ListRootsResponse(IReadOnlyList<OrganizationRoot>? Roots, string? NextToken);
