using System.Diagnostics;
using System.Runtime.CompilerServices;
using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Grains.Diagnostics;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Grains.Options;
using ComplianceReport.Grains.Reports.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Grains.Reports;

/// <summary>
/// Runs one report: discover, fan out to account grains, write the workbook, deliver it. Scanning
/// starts with discovery's preview, while the OU walk (minutes in a large organization) goes on;
/// the walk's list decides what the report contains. Progress is checkpointed so that a run whose
/// silo is lost resumes where it stopped (a reminder brings the grain back on a surviving silo).
/// </summary>
public sealed class ReportRunGrain(
    [PersistentState("run", GrainStorageNames.Compliance)] IPersistentState<RunState> state,
    IOrganizationDiscovery discovery,
    IWorkbookWriter workbookWriter,
    IEnumerable<IReportSink> sinks,
    IOptions<RunOptions> runOptions,
    IOptions<ReportOptions> reportOptions,
    TimeProvider time,
    ILogger<ReportRunGrain> logger) : Grain, IReportRunGrain, IRemindable
{
    private const string KeepAliveReminder = "run-keepalive";
    private const int FindingsPrefetch = 16;
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private readonly RunDeliveryPipeline _delivery = new(sinks, reportOptions.Value.DeliveryTimeout, logger);

    // Scans started, by account id; touched only on the grain's scheduler.
    private readonly Dictionary<string, Task> _scans = new(StringComparer.Ordinal);
    private SemaphoreSlim? _scanGate;
    private Task? _running;
    private Task _checkpoint = Task.CompletedTask;
    private DateTimeOffset _lastCheckpoint;

    private string RunId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (IsInProgress(state.State.Phase))
        {
            state.State.Resumes++;
            ReportRunLog.Resumed(logger, RunId, state.State.Phase.ToString(), state.State.Outcomes.Count);
            StartBackground();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Graceful shutdown: stop scanning and checkpoint; the keep-alive reminder resumes the run.
        await _stopping.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }

        await _checkpoint;
        if (IsInProgress(state.State.Phase))
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<RunStatus> StartAsync(RunStartRequest request, CancellationToken cancellationToken)
    {
        if (state.State.Phase != RunPhase.NotStarted)
        {
            return Status();
        }

        var s = state.State;
        s.IsoWeek = request.IsoWeek;
        s.Trigger = request.Trigger;
        s.History = [.. request.History];
        s.StartedAt = time.GetUtcNow();
        s.TraceParent = request.TraceParent;
        s.Deliver = request.Deliver;
        s.Phase = RunPhase.Discovering;
        await state.WriteStateAsync(cancellationToken);
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        ReportRunLog.Started(logger, RunId, s.Trigger.ToString());
        StartBackground();
        return Status();
    }

    public Task<RunStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(Status());

    public Task<IReadOnlyList<AccountSummary>> GetAccountsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AccountSummary> accounts = (state.State.Accounts ?? [])
            .Select(a => state.State.Outcomes.TryGetValue(a.AccountId, out var outcome)
                ? outcome.Summary
                : new AccountSummary(a, AccountScanStatus.Skipped, 0, 0, 0, null, null))
            .ToList();
        return Task.FromResult(accounts);
    }

    public async Task<RunStatus> RedeliverAsync(CancellationToken cancellationToken)
    {
        if (state.State.Phase != RunPhase.CompletedWithErrors)
        {
            return Status();
        }

        state.State.Phase = RunPhase.Delivering;
        state.State.CompletedAt = null;
        await state.WriteStateAsync(cancellationToken);
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartBackground();
        return Status();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != KeepAliveReminder)
        {
            return;
        }

        if (!IsInProgress(state.State.Phase))
        {
            await UnregisterKeepAliveAsync();
        }

        // Activation already resumed the run if it was in progress; the tick only keeps it alive.
    }

    private static bool IsInProgress(RunPhase phase) =>
        phase is RunPhase.Discovering or RunPhase.Scanning or RunPhase.Building or RunPhase.Delivering;

    private void StartBackground()
    {
        if (_running is { IsCompleted: false })
        {
            return;
        }

        _running = RunAsync(_stopping.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        using var activity = StartRunActivity();
        s.TraceId ??= activity?.TraceId.ToString();

        // Cancelled when the run fails, so that scans started early do not outlive it.
        using var scanning = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _lastCheckpoint = time.GetUtcNow();
        try
        {
            if (s.Phase == RunPhase.Discovering || s.Accounts is null)
            {
                var walk = discovery.DiscoverAsync(cancellationToken);
                await ScanPreviewAsync(walk, scanning.Token);
                s.Accounts = [.. await walk];
                s.Phase = RunPhase.Scanning;
                ReportRunLog.Discovered(logger, RunId, s.Accounts.Count);
                await state.WriteStateAsync(cancellationToken);
            }

            if (s.Phase == RunPhase.Scanning)
            {
                await ScanAccountsAsync(s.Accounts, scanning.Token);
                s.Phase = RunPhase.Building;
                await state.WriteStateAsync(cancellationToken);
            }

            if (s.Phase == RunPhase.Building)
            {
                s.WorkbookPath = await BuildWorkbookAsync(s.Accounts, cancellationToken);
                s.Phase = s.Deliver ? RunPhase.Delivering : RunPhase.Completed;
                s.CompletedAt = s.Deliver ? null : time.GetUtcNow();
                await state.WriteStateAsync(cancellationToken);
            }

            if (s.Phase == RunPhase.Delivering)
            {
                await DeliverAsync(cancellationToken);
                s.Phase = s.Deliveries.TrueForAll(d => d.Succeeded) ? RunPhase.Completed : RunPhase.CompletedWithErrors;
                s.CompletedAt = time.GetUtcNow();
                await state.WriteStateAsync(cancellationToken);
            }

            if (s.Phase is RunPhase.Completed or RunPhase.CompletedWithErrors)
            {
                var status = Status();
                RecordRunDuration(s.Phase.ToString());
                ReportRunLog.Completed(logger, RunId, status.AccountsTotal, status.AccountsFailed, status.NonCompliantResources, s.WorkbookPath!);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: progress is checkpointed and the run resumes elsewhere.
            return;
        }
        catch (Exception ex)
        {
            await scanning.CancelAsync();
            await Task.WhenAll(_scans.Values).ContinueWith(_ => { }, TaskScheduler.Current);
            ReportRunLog.Failed(logger, ex, RunId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            s.Phase = RunPhase.Failed;
            s.Error = $"{ex.GetType().Name}: {ex.Message}";
            s.CompletedAt = time.GetUtcNow();
            await state.WriteStateAsync(CancellationToken.None);
            RecordRunDuration("Failed");
        }

        await UnregisterKeepAliveAsync();
        await GrainFactory.GetGrain<IReportGrain>(ReportGrainKeys.Default).RecordRunAsync(Status(), CancellationToken.None);
    }

    private void RecordRunDuration(string outcome)
    {
        var s = state.State;
        if (s.StartedAt is { } started && s.CompletedAt is { } completed)
        {
            ComplianceTelemetry.RunDuration.Record(
                (completed - started).TotalSeconds,
                new KeyValuePair<string, object?>("compliance.run.trigger", s.Trigger.ToString()),
                new KeyValuePair<string, object?>("compliance.run.outcome", outcome));
        }
    }

    private Activity? StartRunActivity()
    {
        var parent = state.State.TraceParent;
        var activity = parent is not null && ActivityContext.TryParse(parent, null, out var context)
            ? ComplianceTelemetry.StartRoot("report.run", context)
            : ComplianceTelemetry.StartRoot("report.run");
        activity?.SetTag("compliance.run.id", RunId);
        activity?.SetTag("compliance.run.trigger", state.State.Trigger.ToString());
        return activity;
    }

    /// <summary>Starts scanning the accounts discovery can name early, until the walk has its list.</summary>
    private async Task ScanPreviewAsync(Task walk, CancellationToken cancellationToken)
    {
        await foreach (var account in discovery.PreviewAccountsAsync(cancellationToken))
        {
            if (walk.IsCompleted)
            {
                return;
            }

            StartScan(account, cancellationToken);
        }
    }

    private async Task ScanAccountsAsync(IReadOnlyList<OrganizationAccount> accounts, CancellationToken cancellationToken)
    {
        foreach (var account in accounts)
        {
            StartScan(account, cancellationToken);
        }

        await Task.WhenAll(_scans.Values);
        await ReconcileWithDiscoveryAsync(accounts, cancellationToken);
        await _checkpoint;
    }

    private void StartScan(OrganizationAccount account, CancellationToken cancellationToken)
    {
        if (!state.State.Outcomes.ContainsKey(account.AccountId) && !_scans.ContainsKey(account.AccountId))
        {
            _scans[account.AccountId] = ScanAndRecordAsync(account, cancellationToken);
        }
    }

    private async Task ScanAndRecordAsync(OrganizationAccount account, CancellationToken cancellationToken)
    {
        var gate = _scanGate ??= new SemaphoreSlim(Math.Max(1, runOptions.Value.MaxConcurrentAccounts));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Every continuation runs on this grain's scheduler, so Outcomes needs no lock.
            state.State.Outcomes[account.AccountId] = await ScanOneAsync(account, runOptions.Value.ResultMaxAge, cancellationToken);
            CheckpointIfDue();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The walk's list is the report's: outcomes of previewed accounts it does not contain are
    /// dropped, and the others take the walk's record (with the OU path the preview lacked), in
    /// the run and in the account grain.
    /// </summary>
    private async Task ReconcileWithDiscoveryAsync(IReadOnlyList<OrganizationAccount> accounts, CancellationToken cancellationToken)
    {
        var outcomes = state.State.Outcomes;
        var inReport = accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in outcomes.Keys.Where(id => !inReport.Contains(id)).ToList())
        {
            outcomes.Remove(stray);
        }

        var corrected = new List<OrganizationAccount>();
        foreach (var account in accounts)
        {
            if (outcomes.TryGetValue(account.AccountId, out var outcome) && outcome.Summary.Account != account)
            {
                outcomes[account.AccountId] = outcome with { Summary = outcome.Summary with { Account = account } };
                corrected.Add(account);
            }
        }

        await Task.WhenAll(corrected.Select(async account =>
        {
            try
            {
                await GrainFactory.GetGrain<IAccountGrain>(account.AccountId).UpdateAccountAsync(account, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The report already has the right record; only the account's own view stays stale.
                ReportRunLog.AccountCallFailed(logger, RunId, account.AccountId, $"{ex.GetType().Name}: {ex.Message}");
            }
        }));
    }

    private async Task<AccountScanOutcome> ScanOneAsync(OrganizationAccount account, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var grain = GrainFactory.GetGrain<IAccountGrain>(account.AccountId);
        var request = new ScanRequest(account, maxAge, Force: false, RunId);
        Exception? last = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                return await grain.ScanAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }
        }

        // The grain itself could not answer (its silo died twice, a timeout): record, never drop.
        var kind = last is TimeoutException ? ScanErrorKind.Timeout : ScanErrorKind.Internal;
        var error = new ScanError(kind, $"Account scan did not complete: {last!.GetType().Name}: {last.Message}");
        ReportRunLog.AccountCallFailed(logger, RunId, account.AccountId, error.Message);
        return new AccountScanOutcome(
            new AccountSummary(account, AccountScanStatus.Failed, 0, 0, 0, null, error),
            [new ErrorEntry(account.AccountId, account.Name, null, error)],
            [],
            new Dictionary<string, int>(),
            Reused: false,
            TraceId: null,
            time.GetUtcNow(),
            AwsCallCount.None);
    }

    private void CheckpointIfDue()
    {
        // Writing the run's state costs more as it grows (1-2 s at 6,000 accounts): space the
        // checkpoints out with it, so saving progress never stalls the recording of results.
        var now = time.GetUtcNow();
        var interval = CheckpointInterval * (1 + (state.State.Outcomes.Count / 2000));
        if (!_checkpoint.IsCompleted || now - _lastCheckpoint < interval)
        {
            return;
        }

        _lastCheckpoint = now;
        _checkpoint = state.WriteStateAsync();
    }

    private async Task<string> BuildWorkbookAsync(IReadOnlyList<OrganizationAccount> accounts, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(reportOptions.Value.OutputDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, WorkbookFileName());
        var partial = path + ".partial";
        var content = Content(accounts);

        // The writer is CPU-bound for large organizations: keep it off the grain's scheduler.
        await Task.Run(
            async () =>
            {
                await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await workbookWriter.WriteAsync(content, file, cancellationToken);
            },
            cancellationToken);

        // Appears under its final name only once complete, so a crash never leaves a half workbook.
        File.Move(partial, path, overwrite: true);
        return path;
    }

    private string WorkbookFileName() => $"compliance-report-{RunId}.xlsx";

    private ReportContent Content(IReadOnlyList<OrganizationAccount> accounts)
    {
        var s = state.State;
        var summaries = Summaries(accounts);
        var history = s.History.ToList();
        var overall = ComplianceEvaluator.OverallCompliance(summaries);
        if (overall is not null)
        {
            history.Add(new HistoryPoint(RunId, time.GetUtcNow(), overall.Value, summaries.Sum(a => a.NonCompliantResources)));
        }

        return new ReportContent(
            RunInfo(),
            summaries,
            FindingsAsync(GrainFactory, RunId, accounts, CancellationToken.None),
            Changes(accounts),
            Errors(accounts),
            history);
    }

    private RunInfo RunInfo() =>
        new(RunId, state.State.IsoWeek, state.State.Trigger, state.State.StartedAt ?? time.GetUtcNow(), state.State.CompletedAt ?? time.GetUtcNow(), state.State.TraceId);

    private List<AccountSummary> Summaries(IReadOnlyList<OrganizationAccount> accounts) =>
        OutcomesInOrder(accounts).Select(o => o.Summary).ToList();

    private List<FindingChange> Changes(IReadOnlyList<OrganizationAccount> accounts) =>
        OutcomesInOrder(accounts).SelectMany(o => o.Changes).ToList();

    private List<ErrorEntry> Errors(IReadOnlyList<OrganizationAccount> accounts) =>
        OutcomesInOrder(accounts).SelectMany(o => o.Errors).ToList();

    /// <summary>The recorded outcomes in the report's account order (discovery's order).</summary>
    private IEnumerable<AccountScanOutcome> OutcomesInOrder(IReadOnlyList<OrganizationAccount> accounts)
    {
        foreach (var account in accounts)
        {
            if (state.State.Outcomes.TryGetValue(account.AccountId, out var outcome))
            {
                yield return outcome;
            }
        }
    }

    /// <summary>
    /// Streams each account's findings in report order, a few accounts ahead. It runs on the
    /// writer's thread, outside the grain's context, hence the captured factory and run id.
    /// </summary>
    private static async IAsyncEnumerable<Finding> FindingsAsync(IGrainFactory grains, string runId, IReadOnlyList<OrganizationAccount> accounts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new Queue<Task<IReadOnlyList<Finding>>>();
        foreach (var account in accounts)
        {
            window.Enqueue(grains.GetGrain<IAccountGrain>(account.AccountId).GetRunFindingsAsync(runId, cancellationToken));
            if (window.Count >= FindingsPrefetch)
            {
                foreach (var finding in await window.Dequeue())
                {
                    yield return finding;
                }
            }
        }

        while (window.Count > 0)
        {
            foreach (var finding in await window.Dequeue())
            {
                yield return finding;
            }
        }
    }

    private Task DeliverAsync(CancellationToken cancellationToken) =>
        _delivery.DeliverAsync(RunId, state.State, Artifact, ct => BuildWorkbookAsync(state.State.Accounts ?? [], ct), state.WriteStateAsync, cancellationToken);

    private ReportArtifact Artifact(string workbookPath)
    {
        var s = state.State;
        var accounts = s.Accounts ?? [];
        var summaries = Summaries(accounts);
        var changes = Changes(accounts);
        var previous = s.History.Count > 0 ? s.History[^1].CompliancePercent : (double?)null;
        return new ReportArtifact(
            RunInfo(),
            Path.GetFileName(workbookPath),
            workbookPath,
            new FileInfo(workbookPath).Length,
            ComplianceEvaluator.Totals(summaries, changes, previous),
            ComplianceEvaluator.WorstAccounts(summaries, 10),
            ComplianceEvaluator.Rules(OutcomesInOrder(accounts).Select(o => o.NonCompliantByRule)).Take(10).ToList(),
            changes,
            Errors(accounts));
    }

    private async Task UnregisterKeepAliveAsync()
    {
        var reminder = await this.GetReminder(KeepAliveReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private RunStatus Status()
    {
        var s = state.State;
        var outcomes = s.Outcomes.Values;
        return new RunStatus(
            RunId,
            s.IsoWeek,
            s.Trigger,
            s.Phase,
            s.StartedAt,
            s.CompletedAt,
            s.Accounts?.Count ?? Math.Max(_scans.Count, outcomes.Count),
            outcomes.Count,
            outcomes.Count(o => o.Summary.Status == AccountScanStatus.Failed),
            outcomes.Count(o => o.Summary.Status == AccountScanStatus.Skipped),
            outcomes.Sum(o => o.Summary.NonCompliantResources),
            ComplianceEvaluator.OverallCompliance(outcomes.Select(o => o.Summary)),
            s.WorkbookPath,
            s.Deliveries.ToList(),
            outcomes.SelectMany(o => o.Errors).ToList(),
            s.TraceId,
            s.Error,
            s.Resumes,
            AwsCallCount.Sum(outcomes.Select(o => o.AwsCalls)));
    }
}
