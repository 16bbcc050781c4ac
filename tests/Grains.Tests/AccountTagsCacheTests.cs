using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Grains.Interfaces.Reports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// Account tags are read once and kept: a later run reads only new accounts before it evaluates,
/// renews cached ones only while accounts scan, and a run whose reads are all refused still has
/// the owners read before.
/// </summary>
public sealed class AccountTagsCacheTests : IAsyncLifetime
{
    private static readonly string[] FirstWeek = ["111111111111", "222222222222", "333333333333"];
    private const string NewAccount = "444444444444";

    private readonly TaggedOrganization _organization = new() { AccountIds = FirstWeek };
    private readonly string _output = Directory.CreateTempSubdirectory("compliance-tags-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ComplianceTestCluster.StartAsync(
            new Dictionary<string, string?>
            {
                ["Organization:ManagementAccountId"] = "100000000000",
                ["Organization:Regions:0"] = "us-east-1",
                ["Aws:ServiceUrl"] = "http://127.0.0.1:9",
                ["Report:OutputDirectory"] = _output,
                ["Jira:DryRun"] = "true",
                ["Jira:ProjectKey"] = "SEC",
                ["Scan:MaxConcurrentAccounts"] = "1",
            },
            silo =>
            {
                silo.Services.AddSingleton<IOrganizationDiscovery>(_organization);
                silo.Services.AddSingleton<IComplianceReader>(_organization);
                silo.Services.AddSingleton<IAccountTagReader>(_organization);
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
