namespace ComplianceReport.Aws.ConfigService;

/// <summary>Config's <c>ConfigRule</c> shape, the members this product reads.</summary>
public sealed record ConfigRule(string? ConfigRuleName, string? ConfigRuleArn, string? ConfigRuleId, string? Description, string? ConfigRuleState, ConfigRuleSource? Source = null);
