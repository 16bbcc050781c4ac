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

    /// <summary>The scan the run before it used: the baseline for new and resolved findings.</summary>
    [Id(3)]
    public RunScan? PreviousRun { get; set; }
}
