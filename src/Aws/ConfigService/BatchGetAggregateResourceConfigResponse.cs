namespace ComplianceReport.Aws.ConfigService;

/// <summary>PascalCase members on the wire (unlike BatchGetResourceConfig), camelCase items.</summary>
public sealed record BatchGetAggregateResourceConfigResponse(
    IReadOnlyList<BaseConfigurationItem>? BaseConfigurationItems,
    IReadOnlyList<AggregateResourceIdentifier>? UnprocessedResourceIdentifiers);
