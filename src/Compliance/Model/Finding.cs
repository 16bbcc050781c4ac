namespace ComplianceReport.Compliance.Model;

/// <summary>
/// One row of the report: a resource that a rule evaluated in an account and region. The output
/// stage (workbook, S3, Jira) consumes only findings and summaries, never snapshots.
/// <see cref="Severity"/>, <see cref="Owner"/>, <see cref="AcceptedRiskId"/> (the exceptions entry
/// that accepts it, when one applies) and <see cref="ExceptionNote"/> ("Excepted by … until …" or
/// "exception … expired …") are set by the evaluate stage; the fetch stage leaves them at their defaults.
/// </summary>
public sealed record Finding(
    string AccountId,
    string AccountName,
    string Region,
    string RuleName,
    string ResourceType,
    string ResourceId,
    string? ResourceName,
    ComplianceType Compliance,
    string? Annotation,
    DateTimeOffset LastEvaluated,
    IReadOnlyDictionary<string, string> Tags,
    Severity Severity = Severity.Unrated,
    string? Owner = null,
    string? AcceptedRiskId = null,
    string? ExceptionNote = null)
{
    /// <summary>Identity of a finding across runs: the same resource under the same rule.</summary>
    public FindingKey Key => new(AccountId, Region, RuleName, ResourceType, ResourceId);
}
