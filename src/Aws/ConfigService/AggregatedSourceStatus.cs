namespace ComplianceReport.Aws.ConfigService;

/// <summary>One source (an account in a region, for an organization aggregator) and how its last collection went.</summary>
public sealed record AggregatedSourceStatus(
    string? SourceId,
    string? SourceType,
    string? AwsRegion,
    string? LastUpdateStatus,
    DateTimeOffset? LastUpdateTime,
    string? LastErrorCode,
    string? LastErrorMessage);
