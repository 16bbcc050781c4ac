namespace ComplianceReport.Aws.ConfigService;

public sealed record EvaluationResultIdentifier(EvaluationResultQualifier? EvaluationResultQualifier, DateTimeOffset? OrderingTimestamp, string? ResourceEvaluationId);
