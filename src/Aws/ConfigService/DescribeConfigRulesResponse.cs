namespace ComplianceReport.Aws.ConfigService;

public sealed record DescribeConfigRulesResponse(IReadOnlyList<ConfigRule>? ConfigRules, string? NextToken);
