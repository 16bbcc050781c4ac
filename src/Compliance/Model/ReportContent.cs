namespace ComplianceReport.Compliance.Model;

/// <summary>
/// Everything the output stage needs for one run: the evaluated <see cref="Summary"/> and the lists
/// behind it. <see cref="Findings"/> is enumerated once, in order, so a writer can stream it without
/// holding every row; it is asynchronous because the rows are fetched from the account grains
/// while the workbook is written.
/// </summary>
/// <param name="Accounts">Every account of the report, in discovery order, with its figures after exceptions.</param>
/// <param name="Results">The same accounts' evaluated contributions (owner, severities), when evaluated.</param>
public sealed record ReportContent(
    RunInfo Run,
    ReportSummary Summary,
    IReadOnlyList<AccountSummary> Accounts,
    IAsyncEnumerable<Finding> Findings,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors,
    IReadOnlyList<AccountResult>? Results = null);
