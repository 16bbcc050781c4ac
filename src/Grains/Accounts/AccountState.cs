using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Accounts;

/// <summary>
/// What an account grain persists. The assumed-role session is deliberately absent: credentials
/// live in memory only.
/// </summary>
[GenerateSerializer, Alias("ComplianceReport.AccountState")]
public sealed class AccountState
{
    [Id(0)]
    public OrganizationAccount? Account { get; set; }

    /// <summary>The latest scan, whichever asked for it (a run or a CLI rescan).</summary>
    [Id(1)]
    public AccountScan? Latest { get; set; }

    /// <summary>The scan the newest report run used.</summary>
    [Id(2)]
    public RunScan? CurrentRun { get; set; }

    /// <summary>The scan the run before it used, still readable while that run delivers.</summary>
    [Id(3)]
    public RunScan? PreviousRun { get; set; }

    /// <summary>
    /// The scans of the latest scheduled runs, newest last: the baselines of new and resolved
    /// findings, which on-demand runs in between must not displace.
    /// </summary>
    [Id(4)]
    public List<RunScan> ScheduledRuns { get; set; } = [];

    /// <summary>A run's scan, if this account still holds it.</summary>
    public RunScan? Run(string? runId) =>
        runId is null ? null
        : CurrentRun?.RunId == runId ? CurrentRun
        : PreviousRun?.RunId == runId ? PreviousRun
        : ScheduledRuns.FindLast(r => r.RunId == runId);
}
