using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using Orleans.TestingHost;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// What a run takes from the week before: account tags read once and kept (a later run reads only
/// new accounts before it evaluates and renews cached ones while accounts scan; refused reads leave
/// the owners read before), and last week's accounts, scanned while the walk runs.
/// </summary>
public sealed class FollowingWeekTests : IAsyncLifetime
{
    private static readonly string[] FirstWeek = ["111111111111", "222222222222", "333333333333"];
    private const string NewAccount = "444444444444";

    private readonly TaggedOrganization _organization = new() { AccountIds = FirstWeek };
    private readonly string _output = Directory.CreateTempSubdirectory("compliance-tags-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeOrganizationCluster.StartAsync(_organization, _output, new Dictionary<string, string?>
        {
            ["Scan:MaxConcurrentAccounts"] = "1",

            // Every run scans every account again, as a week later it would.
            ["Scan:ResultMaxAge"] = "00:00:00.001",
        });
    }

    public async Task DisposeAsync()
    {
        await ComplianceTestCluster.StopAsync(_cluster);
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task A_later_run_reads_only_new_accounts_before_evaluating_and_keeps_cached_owners_when_reads_are_refused()
    {
        var first = await RunAsync("2026-W40");
        Assert.Equal(FirstWeek, Assert.Single(_organization.TagReads, r => r.Count > 0).Order(StringComparer.Ordinal));
        Assert.All(FirstWeek, id => Assert.Equal(TaggedOrganization.Owner(id, "v1"), first[id]));

        // The next week: one new account, and every owner tag changed. Only the new account is read
        // before evaluating; the others keep last week's owners (renewed for the next run while accounts scan).
        _organization.ClearTagReads();
        _organization.AccountIds = [.. FirstWeek, NewAccount];
        _organization.TagVersion = "v2";
        var second = await RunAsync("2026-W41");
        var reads = _organization.TagReads;
        Assert.Equal(2, reads.Count);
        Assert.Equal([NewAccount], reads[0]);
        Assert.True(reads[1].Count > 0, "no cached account was renewed while four accounts scanned for over a second");
        Assert.All(reads[1], id => Assert.Contains(id, FirstWeek));
        Assert.Equal(TaggedOrganization.Owner(NewAccount, "v2"), second[NewAccount]);
        Assert.All(FirstWeek, id => Assert.Equal(TaggedOrganization.Owner(id, "v1"), second[id]));

        // Refused for everyone: the owners come from the cache, the renewed ones as renewed.
        _organization.TagsDenied = true;
        var third = await RunAsync("2026-W42");
        Assert.All(reads[1], id => Assert.Equal(TaggedOrganization.Owner(id, "v2"), third[id]));
        Assert.All(FirstWeek.Except(reads[1]), id => Assert.Equal(TaggedOrganization.Owner(id, "v1"), third[id]));
        Assert.Equal(TaggedOrganization.Owner(NewAccount, "v2"), third[NewAccount]);
    }

    [Fact]
    public async Task A_scheduled_run_scans_last_weeks_accounts_while_the_walk_runs_and_the_walk_decides_the_report()
    {
        await RunAsync("2026-W30");

        // Next week one account is suspended and one is new; the walk ends only once last week's were read.
        _organization.AccountIds = [FirstWeek[0], FirstWeek[1], NewAccount];
        _organization.Suspended = new HashSet<string> { FirstWeek[1] };
        _organization.ReadBeforeWalkEnds = [FirstWeek[0], FirstWeek[1]];
        var (status, accounts) = await RunWithAccountsAsync("2026-W31");

        Assert.True(_organization.ScannedDuringWalk, "last week's accounts were not scanned before the walk ended");
        Assert.Equal([FirstWeek[0], FirstWeek[1], NewAccount], accounts.Select(a => a.Account.AccountId).Order(StringComparer.Ordinal));
        Assert.Equal(AccountScanStatus.Scanned, Assert.Single(accounts, a => a.Account.AccountId == FirstWeek[0]).Status);
        Assert.Equal(AccountScanStatus.Scanned, Assert.Single(accounts, a => a.Account.AccountId == NewAccount).Status);

        // Scanned early as last week's active account, then again as the walk describes it.
        var suspended = Assert.Single(accounts, a => a.Account.AccountId == FirstWeek[1]);
        Assert.Equal((AccountStatus.Suspended, AccountScanStatus.Skipped, ScanErrorKind.Suspended), (suspended.Account.Status, suspended.Status, suspended.Error?.Kind));
        Assert.Equal(2, status.NonCompliantResources);
    }

    [Fact]
    public async Task A_scheduled_run_starts_each_operation_where_last_weeks_run_found_AWS_throttling_it()
    {
        // Week 1 knows nothing; AWS throttles the detail calls at 1.5, 2.5 and 3.5/s in the three accounts, the walk at 0.5/s.
        _organization.ThrottledAt = 0.5;
        var first = await RunWithAccountsAsync("2026-W20");
        Assert.All(_organization.StartRatesSeen.Values, seen => Assert.Empty(seen));
        var found = Assert.Single(first.Status.Pacing, p => p.Operation == "GetComplianceDetailsByConfigRule");
        Assert.Equal(2.5, found.ThrottledAtRequestsPerSecond, 9);

        // Week 2 starts every scan, and the walk, at the median limit of week 1, whichever silo scans it;
        // the walk's only call was throttled, too often to start at the limit again: it starts below it.
        _organization.ThrottledAt = 0;
        await RunWithAccountsAsync("2026-W21");
        Assert.All(FirstWeek, id => Assert.Equal(2.5, _organization.StartRatesSeen[id]["GetComplianceDetailsByConfigRule"], 9));
        Assert.Equal(0.5 * 0.9, _organization.StartRatesSeen["walk"]["ListAccountsForParent"], 9);

        // Week 2 was not throttled: week 3 starts at the configured rate again.
        await RunWithAccountsAsync("2026-W22");
        Assert.All(_organization.StartRatesSeen.Values, seen => Assert.Empty(seen));
    }

    private async Task<(RunStatus Status, IReadOnlyList<AccountSummary> Accounts)> RunWithAccountsAsync(string week)
    {
        var report = _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var started = await report.StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.UntilAsync(_cluster.Client, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(2));
        Assert.True(status.Phase == RunPhase.Completed, $"run {week} ended {status.Phase}: {status.Error}");
        return (status, await _cluster.Client.GetGrain<IReportRunGrain>(started.RunId).GetAccountsAsync(CancellationToken.None));
    }

    private async Task<Dictionary<string, string>> RunAsync(string week)
    {
        var report = _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var started = await report.StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.UntilAsync(_cluster.Client, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(2));
        Assert.True(status.Phase == RunPhase.Completed, $"run {week} ended {status.Phase}: {status.Error}");
        var standings = await _cluster.Client.GetGrain<IReportRunGrain>(started.RunId).GetStandingsAsync(CancellationToken.None);
        return standings.ToDictionary(s => s.Summary.Account.AccountId, s => s.Owner.Owner, StringComparer.Ordinal);
    }
}
