namespace ComplianceReport.Aws.ConfigService;

public sealed record ComplianceContributorCount(int? CappedCount, bool? CapExceeded);
