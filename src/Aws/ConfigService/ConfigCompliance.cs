namespace ComplianceReport.Aws.ConfigService;

/// <summary>Config's <c>Compliance</c> shape.</summary>
public sealed record ConfigCompliance(string? ComplianceType, ComplianceContributorCount? ComplianceContributorCount);
