namespace ComplianceReport.Aws.Organizations;

/// <summary>Organizations' <c>Root</c> shape.</summary>
public sealed record OrganizationRoot(string Id, string? Arn, string Name);
