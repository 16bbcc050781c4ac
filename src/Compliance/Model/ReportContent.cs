namespace ComplianceReport.Compliance.Model;

/// <summary>
/// Everything the output stage needs for one run. <see cref="Findings"/> is enumerated once, in
/// order, so a writer can stream it without holding every row; it is asynchronous because the
/// rows are fetched from the account grains while the workbook is written.
/// </summary>
public sealed record ReportContent(
    RunInfo Run,
    IReadOnlyList<AccountSummary> Accounts,
    IAsyncEnumerable<Finding> Findings,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors,
    IReadOnlyList<HistoryPoint> History);
