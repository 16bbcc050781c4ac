using System.Collections.Concurrent;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Client.Tests;

/// <summary>A cluster in memory: runs, their accounts and summaries, rescans with a delay; it records every call.</summary>
public sealed class FakeComplianceApi : IComplianceApi
{
    public List<RunStatus> Runs { get; } = [];

    public Dictionary<string, List<AccountStanding>> Standings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ReportSummary> Summaries { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, AccountScanOutcome> RescanOutcomes { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    public Queue<Func<RunStatus>> StatusScript { get; } = new();

    public OnDemandRunRequest? LastRequest { get; private set; }

    public bool AttachToRunning { get; set; }

    public Func<string, RunStatus>? Redeliver { get; set; }

    public Exception? Unreachable { get; set; }

    public Task<RunStatus?> FindRunAsync(string? runId, CancellationToken cancellationToken)
    {
        Record($"find {runId}");
        return Task.FromResult(runId is null ? Runs.LastOrDefault() : Runs.FindLast(r => r.RunId == runId));
    }

    public Task<RunStatus> GetRunStatusAsync(string runId, CancellationToken cancellationToken)
    {
        Record($"status {runId}");
        return Task.FromResult(StatusScript.Count > 0 ? StatusScript.Dequeue()() : Runs.Last(r => r.RunId == runId));
    }

    public Task<IReadOnlyList<RunStatus>> ListRunsAsync(CancellationToken cancellationToken)
    {
        Record("list");
        return Task.FromResult<IReadOnlyList<RunStatus>>(Runs);
    }

    public Task<RunStartResult> StartRunAsync(OnDemandRunRequest request, CancellationToken cancellationToken)
    {
        Record("start");
        LastRequest = request;
        var running = Runs.LastOrDefault(r => !r.IsFinished);
        if (running is not null && AttachToRunning && !request.New)
        {
            return Task.FromResult(new RunStartResult(running, AttachedToExisting: true));
        }

        var run = Samples.Run("2026-W49-ondemand-1", RunPhase.Scanning) with { Trigger = RunTrigger.OnDemand };
        Runs.Add(run);
        return Task.FromResult(new RunStartResult(run, AttachedToExisting: false));
    }

    public Task<RunStatus?> DeliverAsync(string? runId, CancellationToken cancellationToken)
    {
        Record($"deliver {runId}");
        var run = runId is null ? Runs.LastOrDefault() : Runs.FindLast(r => r.RunId == runId);
        return Task.FromResult(run is null ? null : Redeliver?.Invoke(run.RunId) ?? run);
    }

    public Task<IReadOnlyList<AccountStanding>> GetStandingsAsync(string runId, CancellationToken cancellationToken)
    {
        Record($"standings {runId}");
        return Task.FromResult<IReadOnlyList<AccountStanding>>(Standings.GetValueOrDefault(runId) ?? []);
    }

    public Task<ReportSummary?> GetSummaryAsync(string runId, CancellationToken cancellationToken)
    {
        Record($"summary {runId}");
        return Task.FromResult(Summaries.GetValueOrDefault(runId));
    }

    public Task<AccountDetails> GetAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        Record($"account {accountId}");
        var standing = Standings.Values.SelectMany(s => s).FirstOrDefault(s => s.Summary.Account.AccountId == accountId);
        return Task.FromResult(new AccountDetails(
            accountId,
            standing?.Summary.Account,
            standing?.Summary,
            standing is null ? [] : [new RegionStatusLine("us-east-1", RegionScanStatus.Scanned, null, 12, standing.Summary.NonCompliantResources)],
            null,
            "4bf92f3577b34da6a3ce929d0e0e4736",
            standing is null ? null : Samples.At,
            "2026-W49"));
    }

    public async Task<AccountScanOutcome> RescanAsync(string accountId, CancellationToken cancellationToken)
    {
        Record($"rescan {accountId}");

        // Answers arrive in any order, as the grains' do.
        await Task.Delay(Random.Shared.Next(0, 15), cancellationToken);
        return RescanOutcomes.TryGetValue(accountId, out var outcome)
            ? outcome
            : new AccountScanOutcome(Samples.Summary(accountId, "acct", AccountScanStatus.Scanned, 3), [], [], new Dictionary<string, int>(), false, "trace-" + accountId, Samples.At, AwsCallCount.None);
    }

    private void Record(string call)
    {
        if (Unreachable is not null)
        {
            throw Unreachable;
        }

        Calls.Enqueue(call);
    }
}
