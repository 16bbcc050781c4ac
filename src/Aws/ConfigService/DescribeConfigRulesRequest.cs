namespace ComplianceReport.Aws.ConfigService;

/// <param name="ConfigRuleNames">At most 25 names (model limit); null for every rule.</param>
public sealed record DescribeConfigRulesRequest(IReadOnlyList<string>? ConfigRuleNames, string? NextToken);
