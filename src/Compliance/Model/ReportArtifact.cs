namespace ComplianceReport.Compliance.Model;

/// <summary>A written workbook and the evaluated figures a sink needs to describe it.</summary>
public sealed record ReportArtifact(
    RunInfo Run,
    string FileName,
    string LocalPath,
    long SizeBytes,
    ReportSummary Summary,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors)
{
    public const int WorstCount = 10;

    public ReportTotals Totals => Summary.Totals;

    public IReadOnlyList<AccountSummary> WorstAccounts => Summary.WorstAccounts.Select(a => a.Summary).ToList();

    public IReadOnlyList<RuleSummary> WorstRules => Summary.Rules.Take(WorstCount).ToList();
}
