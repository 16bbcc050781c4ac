namespace ComplianceReport.Compliance.Model;

/// <summary>
/// Everything the output stage needs for one run. <see cref="Findings"/> is enumerated once, in
/// order, so a writer can stream it without holding every row.
/// </summary>
public sealed record ReportContent(
    RunInfo Run,
    IReadOnlyList<AccountSummary> Accounts,
    IEnumerable<Finding> Findings,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors,
    IReadOnlyList<HistoryPoint> History);
