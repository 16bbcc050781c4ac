namespace ComplianceReport.Aws.ConfigService;

public sealed record GetAggregateComplianceDetailsByConfigRuleResponse(IReadOnlyList<EvaluationResult>? AggregateEvaluationResults, string? NextToken);
