using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Exceptions;
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
/// Coordinates one report run through its phases: discover and scan (<see cref="RunFanOut"/>),
/// evaluate once (<see cref="RunReport"/>), write the workbook (<see cref="RunWorkbookFile"/>) and
/// deliver it (<see cref="RunDeliveryPipeline"/>). Every phase change is saved through
/// <see cref="RunStateStore"/>, so a run whose silo is lost resumes where it stopped (a reminder
/// brings the grain back on a surviving silo).
/// </summary>
public sealed class ReportRunGrain(
    [PersistentState("run", GrainStorageNames.Compliance)] IPersistentState<RunState> state,
    IOrganizationDiscovery discovery,
    IWorkbookWriter workbookWriter,
    IEnumerable<IReportSink> sinks,
    ReportEvaluator evaluator,
    ExceptionsFileLoader exceptions,
    IEnumerable<IAccountTagReader> tagReaders,
    IOptions<RunOptions> runOptions,
    IOptions<ReportOptions> reportOptions,
    TimeProvider time,
    ILogger<ReportRunGrain> logger) : Grain, IReportRunGrain, IRemindable
{
    private const string KeepAliveReminder = "run-keepalive";

    private readonly CancellationTokenSource _stopping = new();
    private readonly RunDeliveryPipeline _delivery = new(sinks, reportOptions.Value.DeliveryTimeout, logger);
    private readonly RunWorkbookFile _workbook = new(workbookWriter, reportOptions.Value.OutputDirectory);
    private readonly RunStateStore _store = new(state, time);
    private RunFanOut? _fanOut;
    private Task? _running;
    private RunAccountTags? _accountTags;

    private string RunId => this.GetPrimaryKeyString();

    private RunReport Report => new(RunId, state.State, evaluator, GrainFactory);

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
        // Graceful shutdown: stop scanning and save; the keep-alive reminder resumes the run.
        await _stopping.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }

        if (IsInProgress(state.State.Phase))
        {
            await _store.SaveAsync(cancellationToken);
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
        s.BaselineRunId = request.BaselineRunId;
        s.StartedAt = time.GetUtcNow();
        s.TraceParent = request.TraceParent;
        s.Deliver = request.Deliver;
        s.Phase = RunPhase.Discovering;
        await _store.SaveAsync(cancellationToken);
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

    public Task<IReadOnlyList<AccountStanding>> GetStandingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Report.Standings());

    public Task<ReportSummary?> GetSummaryAsync(CancellationToken cancellationToken) => Task.FromResult(state.State.Report);

    public async Task<RunStatus> RedeliverAsync(CancellationToken cancellationToken)
    {
        if (state.State.Phase != RunPhase.CompletedWithErrors)
        {
            return Status();
        }

        state.State.Phase = RunPhase.Delivering;
        state.State.CompletedAt = null;
        await _store.SaveAsync(cancellationToken);
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartBackground();
        return Status();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation already resumed a run in progress; the tick only keeps it alive.
        if (reminderName == KeepAliveReminder && !IsInProgress(state.State.Phase))
        {
            await UnregisterKeepAliveAsync();
        }
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
        var fanOut = _fanOut = new RunFanOut(RunId, _store, discovery, GrainFactory, runOptions.Value, time, logger);
        try
        {
            // Read before anything is scanned: an invalid file stops the run with one line.
            s.Exceptions ??= [.. await exceptions.LoadAsync(cancellationToken)];
            if (s.Phase == RunPhase.Discovering || s.Accounts is null)
            {
                // Account tags take a paced call per account in the management account, a chain
                // longer than the walk: start on the preview's accounts, then add what the walk found.
                var tagIds = Channel.CreateUnbounded<string>();
                await AccountTags.StartAsync(tagIds.Reader.ReadAllAsync(scanning.Token), scanning.Token);
                try
                {
                    var previous = await PreviousAccountsAsync(scanning.Token);
                    s.StartRates ??= await PreviousLimitsAsync(scanning.Token);
                    s.Accounts = await fanOut.DiscoverAsync(previous, a => tagIds.Writer.TryWrite(a.AccountId), scanning.Token);
                    foreach (var account in s.Accounts)
                    {
                        tagIds.Writer.TryWrite(account.AccountId);
                    }
                }
                finally
                {
                    tagIds.Writer.TryComplete();
                }

                ReportRunLog.Discovered(logger, RunId, s.Accounts.Count);
                await EnterAsync(RunPhase.Scanning, cancellationToken);
            }

            if (s.Phase == RunPhase.Scanning)
            {
                // Resumed after discovery: read the tags while the accounts scan.
                var accountIds = AccountIds();
                await AccountTags.StartAsync(accountIds.ToAsyncEnumerable(), scanning.Token);
                using (var scanDone = new CancellationTokenSource())
                {
                    AccountTags.StartRenewal(accountIds, scanDone.Token, scanning.Token);
                    try
                    {
                        await fanOut.ScanAsync(s.Accounts, scanning.Token);
                    }
                    finally
                    {
                        await scanDone.CancelAsync();
                    }
                }

                await EvaluateAsync(fanOut, cancellationToken);
                await EnterAsync(RunPhase.Building, cancellationToken);
            }

            if (s.Phase == RunPhase.Building)
            {
                if (s.Report is null)
                {
                    await EvaluateAsync(fanOut, cancellationToken);
                }

                s.WorkbookPath = await WriteWorkbookAsync(cancellationToken);
                await AccountTags.SaveAsync(AccountIds(), cancellationToken);
                await EnterAsync(s.Deliver ? RunPhase.Delivering : RunPhase.Completed, cancellationToken);
            }

            if (s.Phase == RunPhase.Delivering)
            {
                await _delivery.DeliverAsync(RunId, s, path => Report.Artifact(RunInfo(), path), WriteWorkbookAsync, _store.SaveAsync, cancellationToken);
                await EnterAsync(s.Deliveries.TrueForAll(d => d.Succeeded) ? RunPhase.Completed : RunPhase.CompletedWithErrors, cancellationToken);
            }

            if (s.Phase is RunPhase.Completed or RunPhase.CompletedWithErrors)
            {
                var totals = s.Report!.Totals;
                RecordRunDuration(s.Phase.ToString());
                ReportRunLog.Completed(logger, RunId, totals.Accounts, totals.AccountsFailed, totals.NonCompliantResources, s.WorkbookPath!);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: progress is saved on deactivation and the run resumes elsewhere.
            return;
        }
        catch (Exception ex)
        {
            await scanning.CancelAsync();
            await fanOut.DrainAsync();
            ReportRunLog.Failed(logger, ex, RunId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            s.Error = ex is InvalidExceptionsFileException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            await EnterAsync(RunPhase.Failed, CancellationToken.None);
            RecordRunDuration("Failed");
        }

        await UnregisterKeepAliveAsync();
        await GrainFactory.GetGrain<IReportGrain>(ReportGrainKeys.Default).RecordRunAsync(Status(), CancellationToken.None);
    }

    /// <summary>
    /// The evaluate stage, once scanning ended: takes the accounts' tags (read or cached), fixes the
    /// context every account is evaluated with, asks each account for its evaluated figures and
    /// computes the run's summary from them.
    /// </summary>
    private async Task EvaluateAsync(RunFanOut fanOut, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Context is null)
        {
            var tags = await AccountTags.TagsAsync(AccountIds(), cancellationToken);
            var today = DateOnly.FromDateTime((s.StartedAt ?? time.GetUtcNow()).UtcDateTime);
            s.Context = new EvaluationContext(s.Exceptions ?? [], today, tags);
        }

        await fanOut.EvaluateAsync(s.Context, cancellationToken);
        s.Report = Report.Evaluate(time.GetUtcNow());
    }

    private RunAccountTags AccountTags => _accountTags ??= new(
        tagReaders.LastOrDefault(), // optional; as with any DI service, the last registration wins
        GrainFactory.GetGrain<IAccountTagsGrain>(ReportGrainKeys.Default),
        runOptions.Value.AccountTagsMaxAge,
        time,
        RunId,
        logger);

    /// <summary>
    /// The accounts of the run this one compares with, scanned while discovery reads the
    /// organization (the walk still decides the report). None when there is no such run or it
    /// cannot answer: the run then starts from the preview, as the first run does.
    /// </summary>
    private async Task<IReadOnlyList<OrganizationAccount>> PreviousAccountsAsync(CancellationToken cancellationToken)
    {
        if (state.State.BaselineRunId is not { } baseline)
        {
            return [];
        }

        try
        {
            var accounts = await GrainFactory.GetGrain<IReportRunGrain>(baseline).GetAccountsAsync(cancellationToken);
            return [.. accounts.Select(a => a.Account)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReportRunLog.PreviousAccountsUnavailable(logger, ex, RunId, baseline);
            return [];
        }
    }

    /// <summary>
    /// Where the run this one compares with found AWS's limit, by operation: a scheduled run starts
    /// every account at once, and from the configured rate they would all slow-start past the limit
    /// together before any of them learnt it. Empty when there is no such run or it cannot answer.
    /// </summary>
    private async Task<Dictionary<string, double>> PreviousLimitsAsync(CancellationToken cancellationToken)
    {
        var limits = new Dictionary<string, double>(StringComparer.Ordinal);
        if (state.State.BaselineRunId is not { } baseline)
        {
            return limits;
        }

        try
        {
            var status = await GrainFactory.GetGrain<IReportRunGrain>(baseline).GetStatusAsync(cancellationToken);
            foreach (var pacing in status.Pacing.Where(p => p.NextStartRequestsPerSecond > 0))
            {
                limits[pacing.Operation] = pacing.NextStartRequestsPerSecond;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReportRunLog.PreviousLimitsUnavailable(logger, ex, RunId, baseline);
        }

        if (limits.Count > 0)
        {
            ReportRunLog.StartsAtPreviousLimits(logger, RunId, baseline, string.Join(", ", limits.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Value:0.##}/s"))));
        }

        return limits;
    }

    private string[] AccountIds() => [.. (state.State.Accounts ?? []).Select(a => a.AccountId)];

    private Task EnterAsync(RunPhase phase, CancellationToken cancellationToken)
    {
        state.State.Phase = phase;
        state.State.CompletedAt = phase is RunPhase.Completed or RunPhase.CompletedWithErrors or RunPhase.Failed ? time.GetUtcNow() : null;
        return _store.SaveAsync(cancellationToken);
    }

    private Task<string> WriteWorkbookAsync(CancellationToken cancellationToken) =>
        _workbook.WriteAsync(Report.Content(RunInfo()), cancellationToken);

    private RunInfo RunInfo() =>
        new(RunId, state.State.IsoWeek, state.State.Trigger, state.State.StartedAt ?? time.GetUtcNow(), state.State.CompletedAt ?? time.GetUtcNow(), state.State.TraceId);

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
        var totals = Report.Totals();
        var calls = AwsCallCount.Sum(outcomes.Select(o => o.AwsCalls));
        return new RunStatus(
            RunId,
            s.IsoWeek,
            s.Trigger,
            s.Phase,
            s.StartedAt,
            s.CompletedAt,
            s.Accounts?.Count ?? Math.Max(_fanOut?.Started ?? 0, outcomes.Count),
            outcomes.Count,
            totals.AccountsFailed,
            totals.AccountsSkipped,
            totals.NonCompliantResources,
            totals.CompliancePercent,
            s.WorkbookPath,
            s.Deliveries.ToList(),
            outcomes.SelectMany(o => o.Errors).ToList(),
            s.TraceId,
            s.Error,
            s.Resumes,
            calls,
            totals)
        {
            Pacing = AwsCallCount.Sum([calls, s.DiscoveryCalls ?? AwsCallCount.None]).Operations,
        };
    }
}
