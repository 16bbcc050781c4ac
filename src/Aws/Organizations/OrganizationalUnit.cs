namespace ComplianceReport.Aws.Organizations;

/// <summary>Organizations' <c>OrganizationalUnit</c> shape.</summary>
public sealed record OrganizationalUnit(string Id, string? Arn, string Name);
