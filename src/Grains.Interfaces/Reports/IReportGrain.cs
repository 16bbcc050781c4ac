namespace ComplianceReport.Grains.Interfaces.Reports;

/// <summary>
/// The coordinator (one per cluster, key <see cref="ReportGrainKeys.Default"/>): owns the weekly
/// reminder, starts runs and keeps their index and history.
/// </summary>
public interface IReportGrain : IGrainWithStringKey
{
    /// <summary>Registers (or re-registers) the weekly reminder from the configured schedule.</summary>
    Task EnsureScheduleAsync(CancellationToken cancellationToken);

    /// <summary>Starts the run of an ISO week; a week already run is not run again.</summary>
    Task<RunStatus> StartWeeklyRunAsync(string isoWeek, Compliance.Model.RunTrigger trigger, CancellationToken cancellationToken);

    /// <summary>
    /// Starts an on-demand run with a new id, or, unless <see cref="OnDemandRunRequest.New"/>, attaches
    /// the caller to the run already in progress.
    /// </summary>
    Task<RunStartResult> StartOnDemandRunAsync(OnDemandRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Retries the failed deliveries of a finished run (default: the latest), idempotently: what was
    /// delivered is not delivered again. Null when no such run is recorded.
    /// </summary>
    Task<RunStatus?> DeliverAsync(string? runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunStatus>> ListRunsAsync(CancellationToken cancellationToken);

    /// <summary>The run with this id, or the latest run when <paramref name="runId"/> is null.</summary>
    Task<RunStatus?> GetRunAsync(string? runId, CancellationToken cancellationToken);

    /// <summary>Called by a run when it finishes, to update the index and history.</summary>
    Task RecordRunAsync(RunStatus status, CancellationToken cancellationToken);
}
