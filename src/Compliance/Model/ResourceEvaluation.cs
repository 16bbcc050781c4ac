namespace ComplianceReport.Compliance.Model;

/// <summary>
/// One evaluation result of one rule on one resource, enriched with the resource's name and tags
/// when Config's resource configuration has them.
/// </summary>
public sealed record ResourceEvaluation(
    string RuleName,
    string ResourceType,
    string ResourceId,
    ComplianceType Compliance,
    string? Annotation,
    DateTimeOffset LastEvaluated,
    string? ResourceName,
    IReadOnlyDictionary<string, string> Tags);
