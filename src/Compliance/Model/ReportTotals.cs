namespace ComplianceReport.Compliance.Model;

/// <summary>
/// The figures of one run, computed once by the evaluate stage and shown unchanged by every output.
/// The four account counts add up to <see cref="Accounts"/>; see the README's glossary.
/// </summary>
/// <param name="AccountsScanned">Every configured region was read.</param>
/// <param name="AccountsPartial">Some regions were read; others failed or have no Config recorder.</param>
/// <param name="AccountsFailed">No region could be read.</param>
/// <param name="AccountsSkipped">Not scanned by design: suspended or closing.</param>
/// <param name="CompliancePercent">Compliant rule evaluations over all evaluated ones (0..1), across the accounts read.</param>
/// <param name="PreviousCompliancePercent">The same figure of <paramref name="ComparedWithRunId"/>.</param>
/// <param name="ScanErrors">Lines of the Errors sheet: accounts skipped or not read and regions not read, with why.</param>
/// <param name="ScansReused">Accounts whose recent scan was reused instead of read again.</param>
/// <param name="NonCompliantResources">After accepted-risk exceptions; <paramref name="RawNonCompliantResources"/> before them.</param>
/// <param name="AcceptedFindings">Non-compliant findings an active exceptions entry accepts.</param>
/// <param name="ComparedWithRunId">The previous scheduled run that new and resolved findings are counted against; null when there is none.</param>
public sealed record ReportTotals(
    int Accounts,
    int AccountsScanned,
    int AccountsFailed,
    int AccountsSkipped,
    int AccountsWithFindings,
    int NonCompliantResources,
    int NewFindings,
    int ResolvedFindings,
    double? CompliancePercent,
    double? PreviousCompliancePercent,
    int AccountsPartial = 0,
    int ScanErrors = 0,
    int ScansReused = 0,
    string? ComparedWithRunId = null,
    int RawNonCompliantResources = 0,
    int AcceptedFindings = 0,
    SeverityCounts? BySeverity = null)
{
    /// <summary>Non-compliant resources by their rule's severity, after exceptions.</summary>
    public SeverityCounts Severities => BySeverity ?? SeverityCounts.Zero.Add(Severity.Unrated, NonCompliantResources);

    /// <summary>Accounts of which at least one region was read.</summary>
    public int AccountsRead => AccountsScanned + AccountsPartial;
}
