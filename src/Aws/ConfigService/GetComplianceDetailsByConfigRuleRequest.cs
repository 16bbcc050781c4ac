namespace ComplianceReport.Aws.ConfigService;

/// <param name="Limit">At most 100 (model limit).</param>
public sealed record GetComplianceDetailsByConfigRuleRequest(string ConfigRuleName, IReadOnlyList<string>? ComplianceTypes, int? Limit, string? NextToken);
