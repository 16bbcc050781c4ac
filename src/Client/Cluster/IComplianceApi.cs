using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Client.Cluster;

/// <summary>What the CLI asks of the cluster; commands depend on this port, not on Orleans.</summary>
public interface IComplianceApi
{
    /// <summary>The run with this id, or the latest when <paramref name="runId"/> is null; null when none is recorded.</summary>
    Task<RunStatus?> FindRunAsync(string? runId, CancellationToken cancellationToken);

    /// <summary>The live status of a run, from the run itself.</summary>
    Task<RunStatus> GetRunStatusAsync(string runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunStatus>> ListRunsAsync(CancellationToken cancellationToken);

    Task<RunStartResult> StartRunAsync(OnDemandRunRequest request, CancellationToken cancellationToken);

    /// <summary>Retries the failed deliveries of a run (default: the latest); null when no such run is recorded.</summary>
    Task<RunStatus?> DeliverAsync(string? runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountStanding>> GetStandingsAsync(string runId, CancellationToken cancellationToken);

    Task<ReportSummary?> GetSummaryAsync(string runId, CancellationToken cancellationToken);

    Task<AccountDetails> GetAccountAsync(string accountId, CancellationToken cancellationToken);

    Task<AccountScanOutcome> RescanAsync(string accountId, CancellationToken cancellationToken);
}
