namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>One account-region source of the aggregator, as DescribeConfigurationAggregatorSourcesStatus reports it.</summary>
internal sealed record AggregatorSource(
    string AccountId,
    string Region,
    string Status,
    DateTimeOffset LastUpdateTime,
    string? ErrorCode,
    string? ErrorMessage);
