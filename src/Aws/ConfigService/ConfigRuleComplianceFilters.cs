namespace ComplianceReport.Aws.ConfigService;

public sealed record ConfigRuleComplianceFilters(string? ConfigRuleName, string? ComplianceType, string? AccountId, string? AwsRegion);
