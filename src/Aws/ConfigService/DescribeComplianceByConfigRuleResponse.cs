namespace ComplianceReport.Aws.ConfigService;

public sealed record DescribeComplianceByConfigRuleResponse(IReadOnlyList<ComplianceByConfigRule>? ComplianceByConfigRules, string? NextToken);
