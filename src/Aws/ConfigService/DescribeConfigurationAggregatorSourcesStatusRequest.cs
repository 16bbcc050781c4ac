namespace ComplianceReport.Aws.ConfigService;

/// <param name="Limit">At most 100 (model limit).</param>
public sealed record DescribeConfigurationAggregatorSourcesStatusRequest(string ConfigurationAggregatorName, int? Limit, string? NextToken);
