namespace ComplianceReport.Compliance.Options;

/// <summary>The <c>Report</c> section's evaluation keys: severities, owners and accepted-risk exceptions.</summary>
public sealed class ReportEvaluationOptions
{
    public const string SectionName = "Report";

    public const int DefaultExceptionsMaxDays = 365;

    public const int DefaultExceptionsWarnDays = 14;

    /// <summary>An upper bound on <see cref="ExceptionsMaxDays"/>: a "temporary" exception of ten years is not governed.</summary>
    public const int MaxExceptionsMaxDays = 3650;

    /// <summary>
    /// <c>Report:Severities</c>: rule name or managed-rule identifier to Critical, High, Medium,
    /// Low or Unrated; wins over the shipped Security Hub mapping (for custom and conformance-pack rules).
    /// </summary>
    public Dictionary<string, string> Severities { get; set; } = new(StringComparer.Ordinal);

    public OwnerOptions Owners { get; set; } = new();

    /// <summary><c>Report:ExceptionsFile</c>: a local path or <c>s3://bucket/key</c>; empty means no exceptions.</summary>
    public string? ExceptionsFile { get; set; }

    /// <summary><c>Report:ExceptionsMaxDays</c>: an entry expires at most this many days after it was approved.</summary>
    public int ExceptionsMaxDays { get; set; } = DefaultExceptionsMaxDays;

    /// <summary><c>Report:ExceptionsWarnDays</c>: entries expiring within this many days are listed in the Jira text.</summary>
    public int ExceptionsWarnDays { get; set; } = DefaultExceptionsWarnDays;
}
