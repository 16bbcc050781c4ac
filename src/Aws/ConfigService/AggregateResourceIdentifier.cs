namespace ComplianceReport.Aws.ConfigService;

public sealed record AggregateResourceIdentifier(string SourceAccountId, string SourceRegion, string ResourceId, string ResourceType);
