using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;
using Orleans.TestingHost;

namespace ComplianceReport.Grains.Tests;

/// <summary>Scanning starts from discovery's preview, and the OU walk's list still decides the report.</summary>
public sealed class PreviewReconciliationTests : IAsyncLifetime
{
    private readonly PreviewingOrganization _organization = new();
    private readonly string _output = Directory.CreateTempSubdirectory("compliance-preview-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeOrganizationCluster.StartAsync(_organization, _output);
    }

    public async Task DisposeAsync()
    {
        await ComplianceTestCluster.StopAsync(_cluster);
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task Previewed_accounts_are_scanned_during_the_walk_and_the_report_holds_exactly_the_walks_accounts()
    {
        var report = _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var started = await report.StartWeeklyRunAsync("2026-W41", RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.UntilAsync(_cluster.Client, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(2));

        Assert.True(status.Phase == RunPhase.Completed, $"run ended {status.Phase}: {status.Error}");
        Assert.True(_organization.ScannedDuringWalk, "the previewed accounts were not scanned before the walk ended");

        // Account tags, a paced call per account, are asked for from the preview on, not after the walk;
        // the walk's accounts follow, each once.
        Assert.True(_organization.TagsAskedDuringWalk, "the previewed account's tags were not asked for before the walk ended");
        Assert.Contains(PreviewingOrganization.WalkOnly.AccountId, _organization.TagsAsked);
        var owners = await _cluster.Client.GetGrain<IReportRunGrain>(started.RunId).GetStandingsAsync(CancellationToken.None);
        Assert.Equal("team-111", Assert.Single(owners, o => o.Summary.Account.AccountId == PreviewingOrganization.Previewed.AccountId).Owner.Owner);

        // The stray previewed account is gone; the walk-only one is there; both carry the walk's record.
        var expected = new[] { PreviewingOrganization.Previewed, PreviewingOrganization.WalkOnly };
        Assert.Equal(2, status.AccountsTotal);
        Assert.Equal(2, status.AccountsDone);
        Assert.Equal(2, status.NonCompliantResources);
        var listed = await _cluster.Client.GetGrain<IReportRunGrain>(started.RunId).GetAccountsAsync(CancellationToken.None);
        Assert.Equal(expected, listed.Select(a => a.Account).OrderBy(a => a.AccountId, StringComparer.Ordinal));
        var accounts = WorkbookRows.Read(status.WorkbookPath!, "Accounts").Skip(1).Select(r => (r[0], r[2])).ToList();
        Assert.Equal(expected.Select(a => (a.AccountId, a.OuPath)), accounts.OrderBy(a => a.Item1, StringComparer.Ordinal));
        var findings = WorkbookRows.Read(status.WorkbookPath!, "Findings").Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(a => a.AccountId), findings);

        var details = await _cluster.Client.GetGrain<IAccountGrain>(PreviewingOrganization.Previewed.AccountId).GetDetailsAsync(CancellationToken.None);
        Assert.Equal(PreviewingOrganization.Previewed, details.Account);
    }
}
