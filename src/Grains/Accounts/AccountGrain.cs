using System.Collections.ObjectModel;
using System.Diagnostics;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Diagnostics;
using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Grains.Diagnostics;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ComplianceReport.Grains.Accounts;

// Reentrant so that concurrent requests for one account (a run and a CLI rescan) join the scan
// already in flight instead of queueing a second one; state changes are serialized by _stateLock.
[Reentrant]
public sealed class AccountGrain(
    [PersistentState("account", GrainStorageNames.Compliance)] IPersistentState<AccountState> state,
    IComplianceReader reader,
    AccountEvaluator evaluator,
    IOptions<RunOptions> options,
    TimeProvider time,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    // Beyond the baseline and the newest: a failed week and its reruns (the schedule tries three times).
    private const int MaxScheduledRuns = 4;

    private readonly SemaphoreSlim _stateLock = new(1, 1);
    private Task<(AccountScan Scan, AwsCallCount Calls)>? _inFlight;

    private string AccountId => this.GetPrimaryKeyString();

    public async Task<AccountScanOutcome> ScanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        if (request.Account is not null && request.Account != state.State.Account)
        {
            await UpdateStateAsync(s => s.Account = request.Account);
        }

        var current = state.State;
        if (!request.Force && request.RunId is not null && current.CurrentRun?.RunId == request.RunId)
        {
            // A resumed run asks again: answer from what this run already recorded.
            return Outcome(current.CurrentRun.Scan, current.Run(request.BaselineRunId), reused: true, AwsCallCount.None);
        }

        var reused = !request.Force && IsFresh(current.Latest, request.MaxAge);
        var (scan, calls) = reused ? (current.Latest!, AwsCallCount.None) : await SharedScanAsync(request.StartRates, cancellationToken);

        RunScan? baseline = null;
        await UpdateStateAsync(s =>
        {
            s.Latest = scan;
            baseline = request.RunId is null ? null : s.Run(request.BaselineRunId);
            if (request.RunId is not null)
            {
                // The same run forcing a new scan replaces its own (the walk changed the account's status).
                if (s.CurrentRun?.RunId != request.RunId)
                {
                    s.PreviousRun = s.CurrentRun;
                }

                s.CurrentRun = new RunScan(request.RunId, scan);
                if (request.Scheduled)
                {
                    KeepScheduled(s.ScheduledRuns, s.CurrentRun, request.BaselineRunId);
                }
            }
        });

        return Outcome(scan, baseline, reused, calls);
    }

    public Task<IReadOnlyList<Finding>> GetRunFindingsAsync(string runId, EvaluationContext? context, CancellationToken cancellationToken)
    {
        var run = state.State.Run(runId);
        IReadOnlyList<Finding> findings = run is null ? []
            : context is null ? ComplianceEvaluator.Findings(run.Scan).ToList()
            : evaluator.Findings(ScanOf(run), context).ToList();
        return Task.FromResult(findings);
    }

    public Task<AccountResult?> EvaluateRunAsync(string runId, string? baselineRunId, EvaluationContext context, CancellationToken cancellationToken)
    {
        var run = state.State.Run(runId);
        if (run is null)
        {
            return Task.FromResult<AccountResult?>(null);
        }

        var outcome = Outcome(run.Scan, state.State.Run(baselineRunId), reused: false, AwsCallCount.None);
        return Task.FromResult<AccountResult?>(evaluator.Evaluate(ScanOf(run), outcome.Changes, reused: false, context));
    }

    /// <summary>The run's scan under the account record the report uses (discovery may have corrected it since).</summary>
    private AccountScan ScanOf(RunScan run) =>
        state.State.Account is { } account && account != run.Scan.Account ? run.Scan with { Account = account } : run.Scan;

    public Task UpdateAccountAsync(OrganizationAccount account, CancellationToken cancellationToken) =>
        account == state.State.Account ? Task.CompletedTask : UpdateStateAsync(s => s.Account = account);

    public Task<AccountDetails> GetDetailsAsync(CancellationToken cancellationToken)
    {
        var latest = state.State.Latest;
        var regions = latest?.Regions
            .Select(r => new RegionStatusLine(r.Region, r.Status, r.Error, r.Rules.Count, r.NonCompliant.Count))
            .ToList() ?? [];
        return Task.FromResult(new AccountDetails(
            AccountId,
            state.State.Account,
            latest is null ? null : ComplianceEvaluator.Summarize(latest),
            regions,
            latest?.Error,
            latest?.TraceId,
            latest?.CompletedAt,
            state.State.CurrentRun?.RunId));
    }

    private bool IsFresh(AccountScan? scan, TimeSpan maxAge) =>
        scan is { Status: AccountScanStatus.Scanned } && time.GetUtcNow() - scan.CompletedAt <= maxAge;

    private Task<(AccountScan Scan, AwsCallCount Calls)> SharedScanAsync(IReadOnlyDictionary<string, double>? startRates, CancellationToken cancellationToken)
    {
        if (_inFlight is { IsCompleted: false })
        {
            return _inFlight;
        }

        _inFlight = ScanNowAsync(startRates, cancellationToken);
        return _inFlight;
    }

    private async Task<(AccountScan Scan, AwsCallCount Calls)> ScanNowAsync(IReadOnlyDictionary<string, double>? startRates, CancellationToken cancellationToken)
    {
        // Counts this scan's AWS requests and tells the pacing where to start; set inside this async
        // method, it flows to its calls only.
        var counters = new AwsCallCounters { StartRates = startRates ?? ReadOnlyDictionary<string, double>.Empty };
        AwsCallCounters.Current = counters;
        var account = state.State.Account ?? new OrganizationAccount(AccountId, string.Empty, string.Empty, AccountStatus.Active, string.Empty);
        var startedAt = time.GetUtcNow();
        using var activity = ComplianceTelemetry.ActivitySource.StartActivity("account.scan");
        activity?.SetTag("cloud.account.id", account.AccountId);
        activity?.SetTag("compliance.account.name", account.Name);
        activity?.SetTag("compliance.account.ou_path", account.OuPath);
        var traceId = activity?.TraceId.ToString() ?? Activity.Current?.TraceId.ToString();

        AccountScan scan;
        if (account.Status != AccountStatus.Active)
        {
            // Worded so the kind and the reason do not repeat each other ("Suspended: closed (…)").
            var error = new ScanError(
                ScanErrorKind.Suspended,
                account.Status == AccountStatus.PendingClosure ? "closing (AWS Organizations status PENDING_CLOSURE)" : "closed (AWS Organizations status SUSPENDED)");
            scan = new AccountScan(account, AccountScanStatus.Skipped, error, [], startedAt, time.GetUtcNow(), traceId);
        }
        else
        {
            try
            {
                var regions = await Task.WhenAll(options.Value.Regions.Select(region => ReadRegionAsync(account.AccountId, region, cancellationToken)));
                scan = new AccountScan(account, ComplianceEvaluator.StatusOf(regions), null, regions, startedAt, time.GetUtcNow(), traceId);
            }
            catch (ScanFailedException ex)
            {
                scan = new AccountScan(account, AccountScanStatus.Failed, ex.Error, [], startedAt, time.GetUtcNow(), traceId);
            }
        }

        var summary = ComplianceEvaluator.Summarize(scan);
        RecordMetrics(scan, summary);
        activity?.SetTag("compliance.outcome", scan.Status.ToString());
        activity?.SetTag("compliance.non_compliant_resources", summary.NonCompliantResources);
        activity?.SetTag("compliance.compliant_rules", summary.CompliantRules);
        activity?.SetTag("compliance.non_compliant_rules", summary.NonCompliantRules);
        if (scan.Error is not null)
        {
            if (scan.Status == AccountScanStatus.Failed)
            {
                activity?.SetStatus(ActivityStatusCode.Error, scan.Error.Message);
                activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
                {
                    ["exception.type"] = scan.Error.Code ?? scan.Error.Kind.ToString(),
                    ["exception.message"] = scan.Error.Message,
                }));
            }

            activity?.SetTag("error.type", scan.Error.Code ?? scan.Error.Kind.ToString());
            activity?.SetTag("compliance.error.message", scan.Error.Message);
            AccountGrainLog.NotScanned(logger, account.AccountId, scan.Error.Kind.ToString(), scan.Error.Message);
        }
        else
        {
            AccountGrainLog.Scanned(logger, account.AccountId, scan.Status.ToString(), summary.NonCompliantResources, (long)(scan.CompletedAt - startedAt).TotalMilliseconds);
        }

        return (scan, AwsCallCount.Of(counters));
    }

    private static void RecordMetrics(AccountScan scan, AccountSummary summary)
    {
        var outcome = new KeyValuePair<string, object?>("compliance.outcome", scan.Status.ToString());
        ComplianceTelemetry.Scans.Add(1, outcome);
        ComplianceTelemetry.ScanDuration.Record((scan.CompletedAt - scan.StartedAt).TotalSeconds, outcome);
        ComplianceTelemetry.Findings.Add(summary.NonCompliantResources);
        foreach (var error in ComplianceEvaluator.Errors(scan))
        {
            ComplianceTelemetry.Failures.Add(1, new KeyValuePair<string, object?>("compliance.failure.reason", error.Error.Kind.ToString()));
        }
    }

    private async Task<RegionSnapshot> ReadRegionAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        using var activity = ComplianceTelemetry.ActivitySource.StartActivity("account.scan.region");
        activity?.SetTag("cloud.account.id", accountId);
        activity?.SetTag("cloud.region", region);
        try
        {
            var snapshot = await reader.ReadRegionAsync(accountId, region, cancellationToken);
            activity?.SetTag("compliance.region.status", snapshot.Status.ToString());
            if (snapshot.Status == RegionScanStatus.Failed)
            {
                activity?.SetStatus(ActivityStatusCode.Error, snapshot.Error?.Message);
                activity?.SetTag("error.type", snapshot.Error?.Code ?? snapshot.Error?.Kind.ToString());
            }

            return snapshot;
        }
        catch (ScanFailedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Error.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One region's unexpected failure must not lose the account's other regions.
            AccountGrainLog.RegionFailed(logger, ex, accountId, region, ex.Message);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            var error = new ScanError(ScanErrorKind.Internal, $"{ex.GetType().Name}: {ex.Message}");
            return new RegionSnapshot(accountId, region, RegionScanStatus.Failed, error, [], [], time.GetUtcNow());
        }
    }

    /// <summary>
    /// Adds a scheduled run's scan. Baselines only move forward, so scans older than this run's
    /// baseline can never be compared with again and are dropped.
    /// </summary>
    private static void KeepScheduled(List<RunScan> scheduled, RunScan run, string? baselineRunId)
    {
        var baseline = baselineRunId is null ? -1 : scheduled.FindLastIndex(r => r.RunId == baselineRunId);
        if (baseline > 0)
        {
            scheduled.RemoveRange(0, baseline);
        }

        scheduled.RemoveAll(r => r.RunId == run.RunId);
        scheduled.Add(run);
        if (scheduled.Count > MaxScheduledRuns)
        {
            scheduled.RemoveRange(0, scheduled.Count - MaxScheduledRuns);
        }
    }

    private static AccountScanOutcome Outcome(AccountScan scan, RunScan? baseline, bool reused, AwsCallCount calls)
    {
        var current = ComplianceEvaluator.Findings(scan);
        IReadOnlyList<FindingChange> changes = baseline is null || scan.Status == AccountScanStatus.Failed
            ? []
            : FindingChanges.Compute(ComplianceEvaluator.Findings(baseline.Scan), current);
        return new AccountScanOutcome(
            ComplianceEvaluator.Summarize(scan),
            ComplianceEvaluator.Errors(scan).ToList(),
            changes,
            ComplianceEvaluator.NonCompliantByRule(scan),
            reused,
            scan.TraceId,
            scan.CompletedAt,
            calls);
    }

    private async Task UpdateStateAsync(Action<AccountState> change)
    {
        await _stateLock.WaitAsync();
        try
        {
            change(state.State);
            await state.WriteStateAsync();
        }
        finally
        {
            _stateLock.Release();
        }
    }
}
