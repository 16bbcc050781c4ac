using System.Collections.ObjectModel;
using ComplianceReport.Compliance.Diagnostics;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Options;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Reports;

/// <summary>
/// The Discovering and Scanning phases: starts scanning the accounts of the previous run and those
/// discovery can name early,
/// fans out to the account grains under <c>Run:MaxConcurrentAccounts</c>, records each outcome in
/// the run's state, and reconciles with the walk's list. Used from the run grain only: every
/// continuation runs on the grain's scheduler, so the state and <see cref="_scans"/> need no lock.
/// </summary>
internal sealed class RunFanOut(
    string runId,
    RunStateStore store,
    IOrganizationDiscovery discovery,
    IGrainFactory grains,
    RunOptions options,
    TimeProvider time,
    ILogger logger)
{
    private readonly Dictionary<string, Task> _scans = new(StringComparer.Ordinal);

    /// <summary>Accounts scanned from the previous run's record, before discovery named them.</summary>
    private readonly Dictionary<string, OrganizationAccount> _scannedFromPrevious = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(Math.Max(1, options.MaxConcurrentAccounts));

    private IReadOnlyDictionary<string, double> StartRates => (IReadOnlyDictionary<string, double>?)store.State.StartRates ?? ReadOnlyDictionary<string, double>.Empty;

    /// <summary>Accounts whose scan started, finished or not.</summary>
    public int Started => _scans.Count;

    /// <summary>
    /// Walks the organization, scanning meanwhile the previous run's active accounts (at once) and
    /// the preview's; returns the walk's list.
    /// </summary>
    /// <param name="previous">The accounts of the run this one compares with, as that run recorded them.</param>
    /// <param name="previewed">Told of each account scanned before the walk confirms it.</param>
    public async Task<List<OrganizationAccount>> DiscoverAsync(IReadOnlyList<OrganizationAccount> previous, Action<OrganizationAccount> previewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(previewed);
        // Counts the walk's and the preview's Organizations calls; set in this async method, it flows to them only.
        var counters = new AwsCallCounters { StartRates = StartRates };
        AwsCallCounters.Current = counters;
        var walk = discovery.DiscoverAsync(cancellationToken);

        // Organizations lists a page of accounts a second at best; last week's are almost all still there.
        foreach (var account in previous.Where(a => a.Status == AccountStatus.Active))
        {
            _scannedFromPrevious[account.AccountId] = account;
            previewed(account);
            StartScan(account, cancellationToken);
        }

        await foreach (var account in discovery.PreviewAccountsAsync(cancellationToken))
        {
            if (walk.IsCompleted)
            {
                break;
            }

            previewed(account);
            StartScan(account, cancellationToken);
        }

        List<OrganizationAccount> accounts = [.. await walk];
        store.State.DiscoveryCalls = AwsCallCount.Of(counters);
        return accounts;
    }

    public async Task ScanAsync(IReadOnlyList<OrganizationAccount> accounts, CancellationToken cancellationToken)
    {
        // An account scanned from last week's record that is no longer active (suspended since) is
        // scanned again as the walk describes it, so its row says why it was not read.
        foreach (var account in accounts.Where(a => _scannedFromPrevious.TryGetValue(a.AccountId, out var earlier) && earlier.Status != a.Status))
        {
            if (_scans.Remove(account.AccountId, out var earlyScan))
            {
                await earlyScan;
            }

            store.State.Outcomes.Remove(account.AccountId);
            StartScan(account, cancellationToken, force: true);
        }

        foreach (var account in accounts)
        {
            StartScan(account, cancellationToken);
        }

        await Task.WhenAll(_scans.Values);
        await ReconcileWithDiscoveryAsync(accounts, cancellationToken);
    }

    /// <summary>
    /// Asks each account grain for its evaluated contribution under <paramref name="context"/>,
    /// recording the results in the run's state. An account whose grain cannot answer, or that
    /// holds no scan for the run (its scan failed at the grain call), keeps its raw outcome.
    /// </summary>
    public async Task EvaluateAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var s = store.State;
        var pending = (s.Accounts ?? [])
            .Where(a => s.Outcomes.ContainsKey(a.AccountId) && !s.Results.ContainsKey(a.AccountId))
            .Select(async account =>
            {
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    var outcome = s.Outcomes[account.AccountId];
                    var result = await EvaluateOneAsync(account.AccountId, context, cancellationToken);
                    s.Results[account.AccountId] = result is null ? outcome.ToResult() : result with { Reused = outcome.Reused, Errors = outcome.Errors };

                    // The result now holds the changes (evaluated); keeping both would double the run's state.
                    s.Outcomes[account.AccountId] = outcome with { Changes = [] };
                }
                finally
                {
                    _gate.Release();
                }
            });
        await Task.WhenAll(pending);
    }

    private async Task<AccountResult?> EvaluateOneAsync(string accountId, EvaluationContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await grains.GetGrain<IAccountGrain>(accountId).EvaluateRunAsync(runId, store.State.BaselineRunId, context.For(accountId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReportRunLog.AccountCallFailed(logger, runId, accountId, $"{ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Waits for scans still running, after a failure cancelled them.</summary>
    public Task DrainAsync() => Task.WhenAll(_scans.Values).ContinueWith(_ => { }, TaskScheduler.Current);

    private void StartScan(OrganizationAccount account, CancellationToken cancellationToken, bool force = false)
    {
        if (!store.State.Outcomes.ContainsKey(account.AccountId) && !_scans.ContainsKey(account.AccountId))
        {
            _scans[account.AccountId] = ScanAndRecordAsync(account, force, cancellationToken);
        }
    }

    private async Task ScanAndRecordAsync(OrganizationAccount account, bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            store.State.Outcomes[account.AccountId] = await ScanOneAsync(account, force, cancellationToken);
            store.CheckpointIfDue();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AccountScanOutcome> ScanOneAsync(OrganizationAccount account, bool force, CancellationToken cancellationToken)
    {
        var s = store.State;
        var grain = grains.GetGrain<IAccountGrain>(account.AccountId);
        var request = new ScanRequest(account, options.ResultMaxAge, force, runId, s.BaselineRunId, s.Trigger == RunTrigger.Scheduled, StartRates);
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
        ReportRunLog.AccountCallFailed(logger, runId, account.AccountId, error.Message);
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

    /// <summary>
    /// The walk's list is the report's: outcomes of previewed accounts it does not contain are
    /// dropped, and the others take the walk's record (with the OU path the preview lacked), in
    /// the run and in the account grain.
    /// </summary>
    private async Task ReconcileWithDiscoveryAsync(IReadOnlyList<OrganizationAccount> accounts, CancellationToken cancellationToken)
    {
        var outcomes = store.State.Outcomes;
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
                await grains.GetGrain<IAccountGrain>(account.AccountId).UpdateAccountAsync(account, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The report already has the right record; only the account's own view stays stale.
                ReportRunLog.AccountCallFailed(logger, runId, account.AccountId, $"{ex.GetType().Name}: {ex.Message}");
            }
        }));
    }
}
