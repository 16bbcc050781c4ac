namespace ComplianceReport.Aws.ConfigService;

/// <param name="Expression">At most 4,096 characters (model limit).</param>
/// <param name="Limit">At most 100 (model limit).</param>
public sealed record SelectAggregateResourceConfigRequest(string Expression, string ConfigurationAggregatorName, int? Limit, string? NextToken);
