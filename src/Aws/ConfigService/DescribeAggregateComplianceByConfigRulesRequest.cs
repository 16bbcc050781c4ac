namespace ComplianceReport.Aws.ConfigService;

/// <param name="Limit">At most 1,000 (model limit, GroupByAPILimit).</param>
public sealed record DescribeAggregateComplianceByConfigRulesRequest(string ConfigurationAggregatorName, ConfigRuleComplianceFilters? Filters, int? Limit, string? NextToken);
