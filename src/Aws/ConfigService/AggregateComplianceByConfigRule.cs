namespace ComplianceReport.Aws.ConfigService;

public sealed record AggregateComplianceByConfigRule(string? ConfigRuleName, ConfigCompliance? Compliance, string? AccountId, string? AwsRegion);
