namespace ComplianceReport.Aws.ConfigService;

/// <param name="Limit">At most 100 (model limit).</param>
public sealed record GetAggregateComplianceDetailsByConfigRuleRequest(
    string ConfigurationAggregatorName,
    string ConfigRuleName,
    string AccountId,
    string AwsRegion,
    string? ComplianceType,
    int? Limit,
    string? NextToken);
