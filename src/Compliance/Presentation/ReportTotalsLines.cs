using System.Globalization;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Presentation;

/// <summary>
/// The run's figures as labelled lines, worded once for every console that shows them (the demo's
/// summary, <c>report status</c>), so the same run never reads differently in two places.
/// </summary>
public static class ReportTotalsLines
{
    public static IReadOnlyList<(string Label, string Value)> Of(ReportTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var inv = CultureInfo.InvariantCulture;
        return
        [
            ("Accounts", string.Create(inv, $"{totals.Accounts} in the report: {totals.AccountsScanned} scanned, {totals.AccountsPartial} partially scanned, {totals.AccountsFailed} failed, {totals.AccountsSkipped} skipped")),
            ("Non-compliant", string.Create(inv, $"{totals.NonCompliantResources} resources in {totals.AccountsWithFindings} accounts")),
            ("By severity", string.Create(inv, $"{totals.Severities.Critical} critical, {totals.Severities.High} high, {totals.Severities.Medium} medium, {totals.Severities.Low} low, {totals.Severities.Unrated} unrated")),
            ("Accepted risk", totals.AcceptedFindings == 0
                ? "none excepted"
                : string.Create(inv, $"{totals.AcceptedFindings} findings excepted ({totals.RawNonCompliantResources} before exceptions)")),
            ("Compliance", totals.CompliancePercent is { } p ? p.ToString("P1", inv) : "n/a"),
            ("Changes", totals.ComparedWithRunId is null
                ? "no previous scheduled run to compare with"
                : string.Create(inv, $"{totals.NewFindings} new, {totals.ResolvedFindings} resolved since {totals.ComparedWithRunId}")),
            ("Not read", string.Create(inv, $"{totals.ScanErrors} accounts or regions (listed below and on the Errors sheet)")),
            ("Scans reused", string.Create(inv, $"{totals.ScansReused} accounts answered from a recent scan (no AWS calls)")),
        ];
    }

    /// <summary>The run's AWS calls, worded for every console alike.</summary>
    public static (string Label, string Value) AwsCalls(long calls, long retries, long throttles, long timeouts, int scansReused) =>
        ("AWS calls", calls == 0 && scansReused > 0
            ? "none: every account answered from a recent scan"
            : string.Create(CultureInfo.InvariantCulture, $"{calls} ({retries} retried, {throttles} throttled, {timeouts} timed out)"));
}
