using System.Globalization;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Grains.Reports;

/// <summary>
/// The cluster's report coordinator. Its reminder ticks often (every <see cref="TickPeriod"/>) and
/// starts the current week's run once the scheduled instant has passed: a late, missed or repeated
/// tick still yields one scheduled run per ISO week, because the run grain is keyed by the week. A
/// week whose run failed is run again (a new run, <c>&lt;week&gt;-rerun-&lt;n&gt;</c>): on request, and by
/// the schedule up to <see cref="MaxScheduledAttempts"/> times; a week delivered with errors is
/// redelivered on request. All runs of a week share the week's Jira issue.
/// </summary>
public sealed class ReportGrain(
    [PersistentState("reports", GrainStorageNames.Compliance)] IPersistentState<ReportIndexState> state,
    IOptions<ReportOptions> options,
    TimeProvider time,
    ILogger<ReportGrain> logger) : Grain, IReportGrain, IRemindable
{
    public const string WeeklyReminder = "weekly-report";
    private const int MaxScheduledAttempts = 3;
    private const int MaxRunsKept = 104;
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMinutes(10);

    public async Task EnsureScheduleAsync(CancellationToken cancellationToken)
    {
        if (state.State.ScheduledSince is null)
        {
            state.State.ScheduledSince = time.GetUtcNow();
            await state.WriteStateAsync(cancellationToken);
        }

        await this.RegisterOrUpdateReminder(WeeklyReminder, TimeSpan.FromMinutes(1), TickPeriod);
        ReportGrainLog.Scheduled(logger, options.Value.Schedule.DayOfWeek.ToString(), options.Value.Schedule.TimeUtc.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WeeklyReminder)
        {
            return;
        }

        var now = time.GetUtcNow();
        var due = options.Value.Schedule.LastAtOrBefore(now);
        if (state.State.ScheduledSince is { } since && due < since)
        {
            return; // This week's instant passed before the service was scheduled.
        }

        // Called for every tick after the instant: a week already started is left alone, unless it failed.
        var week = IsoWeek.Of(due);
        var runs = WeekRuns(week).ToList();
        var last = runs.LastOrDefault();
        if (last is null || (last.Phase == RunPhase.Failed && runs.Count < MaxScheduledAttempts))
        {
            await StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        }
        else
        {
            await RefreshAsync(last, CancellationToken.None);
        }
    }

    public async Task<RunStatus> StartWeeklyRunAsync(string isoWeek, RunTrigger trigger, CancellationToken cancellationToken)
    {
        var existing = WeekRuns(isoWeek).LastOrDefault();
        if (existing is null || existing.Phase == RunPhase.NotStarted)
        {
            return await StartAsync(isoWeek, await StartRequestAsync(isoWeek, trigger, null, deliver: true, cancellationToken), cancellationToken);
        }

        var current = await RefreshAsync(existing, cancellationToken);
        switch (current.Phase)
        {
            case RunPhase.Failed:
                var runId = string.Create(CultureInfo.InvariantCulture, $"{isoWeek}-rerun-{WeekRuns(isoWeek).Count() + 1}");
                ReportGrainLog.RerunningWeek(logger, isoWeek, current.RunId, runId);
                return await StartAsync(runId, await StartRequestAsync(isoWeek, trigger, null, deliver: true, cancellationToken), cancellationToken);
            case RunPhase.CompletedWithErrors:
                return await DeliverAsync(current.RunId, cancellationToken) ?? current;
            default:
                return current;
        }
    }

    /// <summary>The week's scheduled run and its re-runs, oldest first.</summary>
    private IEnumerable<RunStatus> WeekRuns(string isoWeek) =>
        state.State.Runs.Where(r => r.RunId == isoWeek || r.RunId.StartsWith(isoWeek + "-rerun-", StringComparison.Ordinal));

    public async Task<RunStartResult> StartOnDemandRunAsync(OnDemandRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.New)
        {
            // Calls to this grain are serialized, so concurrent requests all find the first one's run.
            foreach (var run in state.State.Runs.Where(r => !r.IsFinished).Reverse().ToList())
            {
                var current = await RefreshAsync(run, cancellationToken);
                if (!current.IsFinished)
                {
                    return new RunStartResult(current, AttachedToExisting: true);
                }
            }
        }

        var now = time.GetUtcNow();
        var week = IsoWeek.Of(now);
        var runId = string.Create(CultureInfo.InvariantCulture, $"{week}-ondemand-{now:yyyyMMddHHmmssfff}");
        var status = await StartAsync(runId, await StartRequestAsync(week, RunTrigger.OnDemand, request.TraceParent, request.Deliver, cancellationToken), cancellationToken);
        return new RunStartResult(status, AttachedToExisting: false);
    }

    public async Task<RunStatus?> DeliverAsync(string? runId, CancellationToken cancellationToken)
    {
        var run = runId is null ? state.State.Runs.LastOrDefault() : state.State.Runs.FindLast(r => r.RunId == runId);
        if (run is null)
        {
            return null;
        }

        var status = await GrainFactory.GetGrain<IReportRunGrain>(run.RunId).RedeliverAsync(cancellationToken);
        Upsert(status);
        await state.WriteStateAsync(cancellationToken);
        return status;
    }

    public async Task<IReadOnlyList<RunStatus>> ListRunsAsync(CancellationToken cancellationToken)
    {
        var runs = new List<RunStatus>(state.State.Runs.Count);
        foreach (var run in state.State.Runs)
        {
            runs.Add(await RefreshAsync(run, cancellationToken));
        }

        return runs;
    }

    public async Task<RunStatus?> GetRunAsync(string? runId, CancellationToken cancellationToken)
    {
        var run = runId is null ? state.State.Runs.LastOrDefault() : state.State.Runs.FindLast(r => r.RunId == runId);
        return run is null ? null : await GrainFactory.GetGrain<IReportRunGrain>(run.RunId).GetStatusAsync(cancellationToken);
    }

    public async Task RecordRunAsync(RunStatus status, CancellationToken cancellationToken)
    {
        Record(status);
        await state.WriteStateAsync(cancellationToken);
    }

    /// <summary>
    /// Every run, scheduled or on demand, counts its changes against the newest scheduled run that
    /// completed: an on-demand run mid-week must not become the next weekly report's baseline.
    /// A run reports its end to the index only after its status says finished (and a silo can die
    /// in between), so unfinished runs are asked first: a run started right after another finished
    /// compares with it.
    /// </summary>
    private async Task<RunStartRequest> StartRequestAsync(string isoWeek, RunTrigger trigger, string? traceParent, bool deliver, CancellationToken cancellationToken)
    {
        foreach (var run in state.State.Runs.Where(r => !r.IsFinished).ToList())
        {
            var current = await RefreshAsync(run, cancellationToken);
            if (current.IsFinished)
            {
                Record(current);
            }
        }

        var baseline = state.State.Runs.FindLast(r => r.Trigger == RunTrigger.Scheduled && r.Phase is RunPhase.Completed or RunPhase.CompletedWithErrors);
        return new RunStartRequest(isoWeek, trigger, [.. state.State.History], traceParent, deliver, baseline?.RunId);
    }

    private void Record(RunStatus status)
    {
        Upsert(status);
        if (status.Phase is RunPhase.Completed or RunPhase.CompletedWithErrors && status.CompliancePercent is { } percent
            && !state.State.History.Exists(h => h.RunId == status.RunId))
        {
            state.State.History.Add(new HistoryPoint(status.RunId, status.CompletedAt ?? time.GetUtcNow(), percent, status.NonCompliantResources));
        }
    }

    private async Task<RunStatus> StartAsync(string runId, RunStartRequest request, CancellationToken cancellationToken)
    {
        var status = await GrainFactory.GetGrain<IReportRunGrain>(runId).StartAsync(request, cancellationToken);
        Upsert(status);
        await state.WriteStateAsync(cancellationToken);
        return status;
    }

    private async Task<RunStatus> RefreshAsync(RunStatus run, CancellationToken cancellationToken) =>
        run.IsFinished ? run : await GrainFactory.GetGrain<IReportRunGrain>(run.RunId).GetStatusAsync(cancellationToken);

    /// <summary>
    /// Records a run's summary in the index. The index keeps the newest <see cref="MaxRunsKept"/>
    /// runs (two years of weeks) without their failure lists: the run grain keeps the full record.
    /// </summary>
    private void Upsert(RunStatus status)
    {
        var summary = status with { Failures = [] };
        var runs = state.State.Runs;
        var index = runs.FindIndex(r => r.RunId == status.RunId);
        if (index >= 0)
        {
            runs[index] = summary;
        }
        else
        {
            runs.Add(summary);
        }

        while (runs.Count > MaxRunsKept && runs.FindIndex(r => r.IsFinished) is var oldest and >= 0)
        {
            runs.RemoveAt(oldest);
        }

        if (state.State.History.Count > MaxRunsKept)
        {
            state.State.History.RemoveRange(0, state.State.History.Count - MaxRunsKept);
        }
    }
}
