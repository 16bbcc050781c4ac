namespace ComplianceReport.Compliance.Model;

/// <summary>
/// The evaluate stage's result for one run, small enough to keep on the run's record: the totals,
/// the rules worst first, the worst accounts and the history including this run. The workbook,
/// Jira, S3 metadata, <c>report status</c> and the demo read it and compute nothing themselves.
/// </summary>
/// <param name="Rules">Every rule with non-compliant resources: worst severity first, then accounts affected.</param>
/// <param name="WorstAccounts">The accounts to chase first (by Critical, then High, …, then resources).</param>
/// <param name="Owners">Every owner with non-compliant findings, worst first.</param>
/// <param name="Exceptions">Each exceptions entry of the run and what it covered.</param>
public sealed record ReportSummary(
    ReportTotals Totals,
    IReadOnlyList<RuleSummary> Rules,
    IReadOnlyList<AccountStanding> WorstAccounts,
    IReadOnlyList<HistoryPoint> History,
    IReadOnlyList<OwnerStanding>? Owners = null,
    IReadOnlyList<ExceptionUsage>? Exceptions = null)
{
    public IReadOnlyList<OwnerStanding> OwnerList => Owners ?? [];

    public IReadOnlyList<ExceptionUsage> ExceptionList => Exceptions ?? [];
}
