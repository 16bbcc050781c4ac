namespace ComplianceReport.Aws.ConfigService;

/// <param name="Results">Each result is a JSON document in a string, holding the selected fields nested as in the configuration item.</param>
public sealed record SelectAggregateResourceConfigResponse(IReadOnlyList<string>? Results, string? NextToken);
