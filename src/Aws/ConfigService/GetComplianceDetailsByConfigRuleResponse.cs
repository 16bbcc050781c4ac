namespace ComplianceReport.Aws.ConfigService;

public sealed record GetComplianceDetailsByConfigRuleResponse(IReadOnlyList<EvaluationResult>? EvaluationResults, string? NextToken);
