namespace ComplianceReport.Aws.Organizations;

/// <summary>Organizations' <c>Tag</c> shape.</summary>
public sealed record OrganizationTag(string? Key, string? Value);
