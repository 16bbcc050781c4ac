namespace ComplianceReport.Compliance.Model;

/// <summary>A written workbook and the figures a sink needs to describe it.</summary>
public sealed record ReportArtifact(
    RunInfo Run,
    string FileName,
    string LocalPath,
    long SizeBytes,
    ReportTotals Totals,
    IReadOnlyList<AccountSummary> WorstAccounts,
    IReadOnlyList<RuleSummary> WorstRules,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors);
