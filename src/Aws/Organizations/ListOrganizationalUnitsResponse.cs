namespace ComplianceReport.Aws.Organizations;

public sealed record ListOrganizationalUnitsResponse(IReadOnlyList<OrganizationalUnit>? OrganizationalUnits, string? NextToken);
