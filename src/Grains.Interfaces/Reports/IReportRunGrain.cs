using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Reports;

/// <summary>
/// One report run (key: the run id; a scheduled run's id is its ISO week). Starting an already
/// started run changes nothing, so repeated reminder ticks yield one workbook.
/// </summary>
public interface IReportRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run in the background and returns at once.</summary>
    Task<RunStatus> StartAsync(RunStartRequest request, CancellationToken cancellationToken);

    Task<RunStatus> GetStatusAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountSummary>> GetAccountsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every account of the run in report order with its owner, findings by severity and change
    /// since the run compared with, as the evaluate stage gave them (raw figures before it ran).
    /// </summary>
    Task<IReadOnlyList<AccountStanding>> GetStandingsAsync(CancellationToken cancellationToken);

    /// <summary>The evaluate stage's summary of the run; null until the run has been evaluated.</summary>
    Task<ReportSummary?> GetSummaryAsync(CancellationToken cancellationToken);

    /// <summary>Retries the deliveries that failed; sinks that succeeded are not run again.</summary>
    Task<RunStatus> RedeliverAsync(CancellationToken cancellationToken);
}
