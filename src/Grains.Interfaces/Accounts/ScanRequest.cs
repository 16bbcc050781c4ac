using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <param name="Account">What discovery knows of the account; null keeps what the grain knew (CLI rescans).</param>
/// <param name="MaxAge">A stored result younger than this is reused instead of scanning again.</param>
/// <param name="Force">Scan even if a fresh result exists.</param>
/// <param name="RunId">The report run this scan belongs to; null for an on-demand rescan.</param>
/// <param name="BaselineRunId">The run whose scan new and resolved findings are counted against (the previous scheduled run); null: no changes.</param>
/// <param name="Scheduled">Whether <paramref name="RunId"/> is a scheduled run, whose scan later runs compare with.</param>
/// <param name="StartRates">Where the last scheduled run found AWS's limit, in requests per second by operation: the scan's pacing starts there; null: at the configured rate.</param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.ScanRequest")]
public sealed record ScanRequest(
    [property: Id(0)] OrganizationAccount? Account,
    [property: Id(1)] TimeSpan MaxAge,
    [property: Id(2)] bool Force,
    [property: Id(3)] string? RunId,
    [property: Id(4)] string? BaselineRunId = null,
    [property: Id(5)] bool Scheduled = false,
    [property: Id(6)] IReadOnlyDictionary<string, double>? StartRates = null);
