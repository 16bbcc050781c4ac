namespace ComplianceReport.Aws.ConfigService;

public sealed record EvaluationResultQualifier(string? ConfigRuleName, string? ResourceType, string? ResourceId, string? EvaluationMode);
