namespace ComplianceReport.Aws.ConfigService;

public sealed record DescribeComplianceByConfigRuleRequest(IReadOnlyList<string>? ConfigRuleNames, IReadOnlyList<string>? ComplianceTypes, string? NextToken);
