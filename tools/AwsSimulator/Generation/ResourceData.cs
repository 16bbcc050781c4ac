namespace ComplianceReport.AwsSimulator.Generation;

internal sealed record ResourceData(
    string Type,
    string Id,
    string Name,
    string Arn,
    string AvailabilityZone,
    DateTimeOffset CreatedAt,
    KeyValuePair<string, string>[] Tags);
