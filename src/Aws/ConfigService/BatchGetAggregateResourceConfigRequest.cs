namespace ComplianceReport.Aws.ConfigService;

/// <param name="ResourceIdentifiers">1 to 100 identifiers (model limit).</param>
public sealed record BatchGetAggregateResourceConfigRequest(string ConfigurationAggregatorName, IReadOnlyList<AggregateResourceIdentifier> ResourceIdentifiers);
