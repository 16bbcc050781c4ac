namespace ComplianceReport.Compliance.Model;

/// <summary>
/// The evaluate stage's result for one run, small enough to keep on the run's record: the totals,
/// the rules worst first, the worst accounts and the history including this run. The workbook,
/// Jira, S3 metadata, <c>report status</c> and the demo read it and compute nothing themselves.
/// </summary>
public sealed record ReportSummary(
    ReportTotals Totals,
    IReadOnlyList<RuleSummary> Rules,
    IReadOnlyList<AccountSummary> WorstAccounts,
    IReadOnlyList<HistoryPoint> History);
