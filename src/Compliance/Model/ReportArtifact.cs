namespace ComplianceReport.Compliance.Model;

/// <summary>A written workbook and the evaluated figures a sink needs to describe it.</summary>
/// <param name="Findings">
/// The run's evaluated findings, as the workbook has them, for a sink that splits them by owner
/// (Jira routing); each enumeration reads them again. Null when the producer cannot stream them.
/// </param>
public sealed record ReportArtifact(
    RunInfo Run,
    string FileName,
    string LocalPath,
    long SizeBytes,
    ReportSummary Summary,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors,
    IAsyncEnumerable<Finding>? Findings = null)
{
    public const int WorstCount = 10;

    public ReportTotals Totals => Summary.Totals;

    public IReadOnlyList<AccountSummary> WorstAccounts => Summary.WorstAccounts.Select(a => a.Summary).ToList();

    public IReadOnlyList<RuleSummary> WorstRules => Summary.Rules.Take(WorstCount).ToList();
}
