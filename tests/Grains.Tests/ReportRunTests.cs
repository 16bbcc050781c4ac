using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReportRunTests(ClusterFixture fixture)
{
    private IReportGrain Report => fixture.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default);

    [Fact]
    public async Task A_full_run_writes_a_workbook_that_matches_the_simulators_data()
    {
        var started = await Report.StartWeeklyRunAsync("2026-W10", RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.FinishedAsync(fixture.Grains, started.RunId);

        Assert.Equal(RunPhase.Completed, status.Phase);
        var organization = fixture.Simulator.Organization;
        Assert.Equal(organization.Accounts.Count, status.AccountsTotal);
        Assert.Equal(organization.Accounts.Count, status.AccountsDone);
        Assert.Equal(organization.Accounts.Count(a => a.IsDenied && !a.IsSuspended), status.AccountsFailed);
        Assert.Equal(organization.Accounts.Count(a => a.IsSuspended), status.AccountsSkipped);
        Assert.EndsWith("compliance-report-2026-W10.xlsx", status.WorkbookPath);

        // The run records what it cost in AWS requests: at least recorder status, rules and
        // details for every readable region.
        var readableRegions = organization.Accounts.Count(a => !a.IsDenied && !a.IsSuspended) * organization.Regions.Count;
        Assert.True(status.AwsCalls.Calls >= readableRegions * 2, $"{status.AwsCalls.Calls} calls for {readableRegions} regions");

        // And how each operation was paced, Organizations discovery included: attempts, throttling, the rate reached.
        var paced = Assert.Single(status.Pacing, p => p.Operation == "GetComplianceDetailsByConfigRule");
        Assert.True(paced.Calls > 0 && paced.PeakRequestsPerSecond > 0, $"{paced}");
        Assert.Contains(status.Pacing, p => p.Operation == "ListAccountsForParent" && p.Calls > 0);
        Assert.All(status.Pacing, p => Assert.InRange(p.ThrottledShare, 0, 1));

        // Every non-compliant finding of every readable account and region, exactly once.
        var expected = new List<string>();
        foreach (var account in organization.Accounts.Where(a => !a.IsDenied && !a.IsSuspended))
        {
            foreach (var region in organization.Regions)
            {
                var data = fixture.Simulator.GetRegion(account.Id, region);
                if (data.HasRecorder)
                {
                    expected.AddRange(data.NonCompliant.Select(f => Key(account.Id, region, f.RuleName, f.ResourceType, f.ResourceId, f.ResourceName)));
                }
            }
        }

        var rows = WorkbookRows.Read(status.WorkbookPath!, "Findings");
        Assert.Equal(["Account ID", "Account name", "Region", "Rule", "Resource type", "Resource ID"], rows[0][..6]);
        var actual = rows.Skip(1).Select(r => Key(r[0], r[2], r[3], r[4], r[5], r[6])).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, status.NonCompliantResources);

        // Accounts that could not be read are listed with their reason, never dropped.
        var errors = WorkbookRows.Read(status.WorkbookPath!, "Errors").Skip(1).ToList();
        foreach (var denied in organization.Accounts.Where(a => a.IsDenied && !a.IsSuspended))
        {
            var row = Assert.Single(errors, r => r[0] == denied.Id);
            Assert.Contains("AccessDenied", row[3]);
            Assert.Contains("system-config-report-generator-read-role", row[4]);
        }

        foreach (var noConfig in organization.Accounts.Where(a => a.RegionWithoutRecorder is not null && !a.IsDenied && !a.IsSuspended))
        {
            Assert.Contains(errors, r => r[0] == noConfig.Id && r[2] == noConfig.RegionWithoutRecorder && r[3].Contains("ConfigNotEnabled", StringComparison.Ordinal));
        }

        foreach (var suspended in organization.Accounts.Where(a => a.IsSuspended))
        {
            Assert.Contains(errors, r => r[0] == suspended.Id && r[3].Contains("Suspended", StringComparison.Ordinal));
        }

        // Scanning starts from the flat account list, before the OU walk knows the paths: the
        // report, the run and each account still carry the walk's OU path.
        var accounts = WorkbookRows.Read(status.WorkbookPath!, "Accounts").Skip(1).Select(r => (r[0], r[2])).ToList();
        var paths = organization.Accounts.Select(a => (a.Id, a.OuPath)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(paths, accounts.OrderBy(a => a.Item1, StringComparer.Ordinal));
        var listed = await fixture.Grains.GetGrain<IReportRunGrain>(started.RunId).GetAccountsAsync(CancellationToken.None);
        Assert.Equal(paths, listed.Select(a => (a.Account.AccountId, a.Account.OuPath)).OrderBy(a => a.AccountId, StringComparer.Ordinal));
        foreach (var (id, path) in paths)
        {
            var details = await fixture.Grains.GetGrain<ComplianceReport.Grains.Interfaces.Accounts.IAccountGrain>(id).GetDetailsAsync(CancellationToken.None);
            Assert.Equal(path, details.Account?.OuPath);
        }

        var jira = Assert.Single(status.Deliveries, d => d.Sink == "jira");
        Assert.True(jira.Succeeded, jira.Error);
    }

    [Fact]
    public async Task Repeated_ticks_for_one_week_yield_one_run_and_one_workbook()
    {
        const string week = "2026-W11";
        var ticks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Report.StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None)));
        Assert.All(ticks, t => Assert.Equal(week, t.RunId));

        var first = await RunWaiter.FinishedAsync(fixture.Grains, week);
        var late = await Report.StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);

        Assert.Equal(RunPhase.Completed, first.Phase);
        Assert.Equal(first.CompletedAt, late.CompletedAt);
        var runs = await Report.ListRunsAsync(CancellationToken.None);
        Assert.Single(runs, r => r.RunId == week);
        Assert.Single(Directory.GetFiles(fixture.OutputDirectory, $"*{week}*.xlsx"));
        Assert.Empty(Directory.GetFiles(fixture.OutputDirectory, "*.partial"));
    }

    [Fact]
    public async Task An_interrupted_run_resumes_and_finishes_once()
    {
        const string week = "2026-W12";
        await Report.StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        var midway = await RunWaiter.UntilAsync(fixture.Grains, week, s => s.AccountsDone >= 5 || s.IsFinished);
        // Accounts complete while the OU walk may still be going on: either phase is midway.
        Assert.True(midway.Phase is RunPhase.Discovering or RunPhase.Scanning, $"phase {midway.Phase}");

        // Deactivation stands in for the silo going away: the run checkpoints, and the next call
        // (or the keep-alive reminder) activates it again and it carries on.
        var run = fixture.Grains.GetGrain<IReportRunGrain>(week);
        await fixture.Cluster.DeactivateAsync(run);
        var status = await RunWaiter.FinishedAsync(fixture.Grains, week);

        Assert.Equal(RunPhase.Completed, status.Phase);
        Assert.True(status.Resumes >= 1, $"expected a resume, saw {status.Resumes}");
        Assert.Equal(fixture.Simulator.Organization.Accounts.Count, status.AccountsDone);
        Assert.Single(Directory.GetFiles(fixture.OutputDirectory, $"*{week}*.xlsx"));
        var findingRows = WorkbookRows.Read(status.WorkbookPath!, "Findings").Count - 1;
        Assert.Equal(status.NonCompliantResources, findingRows);
    }

    [Fact]
    public async Task An_on_demand_run_gets_its_own_id_and_is_listed()
    {
        var started = (await Report.StartOnDemandRunAsync(new OnDemandRunRequest(null), CancellationToken.None)).Run;
        Assert.Contains("-ondemand-", started.RunId, StringComparison.Ordinal);
        var status = await RunWaiter.FinishedAsync(fixture.Grains, started.RunId);

        Assert.Equal(RunPhase.Completed, status.Phase);
        Assert.Equal(RunTrigger.OnDemand, status.Trigger);
        var latest = await Report.GetRunAsync(started.RunId, CancellationToken.None);
        Assert.Equal(RunPhase.Completed, latest!.Phase);
    }

    [Fact]
    public async Task Five_concurrent_report_runs_start_one_run_and_the_others_attach_to_it()
    {
        var starts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Report.StartOnDemandRunAsync(new OnDemandRunRequest(null), CancellationToken.None)));

        var runId = Assert.Single(starts.Select(s => s.Run.RunId).Distinct());
        Assert.Equal(4, starts.Count(s => s.AttachedToExisting));
        var status = await RunWaiter.FinishedAsync(fixture.Grains, runId);
        Assert.Equal(RunPhase.Completed, status.Phase);
        Assert.Single(Directory.GetFiles(fixture.OutputDirectory, $"compliance-report-{runId}.xlsx"));
        var runs = await Report.ListRunsAsync(CancellationToken.None);
        Assert.Single(runs, r => r.RunId == runId);
    }

    private static string Key(string account, string region, string rule, string type, string id, string? name) =>
        $"{account}|{region}|{rule}|{type}|{id}|{name}";
}
