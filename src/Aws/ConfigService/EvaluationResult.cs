namespace ComplianceReport.Aws.ConfigService;

public sealed record EvaluationResult(
    EvaluationResultIdentifier? EvaluationResultIdentifier,
    string? ComplianceType,
    DateTimeOffset? ResultRecordedTime,
    DateTimeOffset? ConfigRuleInvokedTime,
    string? Annotation);
