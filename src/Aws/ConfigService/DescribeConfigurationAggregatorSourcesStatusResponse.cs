namespace ComplianceReport.Aws.ConfigService;

public sealed record DescribeConfigurationAggregatorSourcesStatusResponse(IReadOnlyList<AggregatedSourceStatus>? AggregatedSourceStatusList, string? NextToken);
