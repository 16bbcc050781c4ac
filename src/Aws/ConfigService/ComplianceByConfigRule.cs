namespace ComplianceReport.Aws.ConfigService;

public sealed record ComplianceByConfigRule(string? ConfigRuleName, ConfigCompliance? Compliance);
