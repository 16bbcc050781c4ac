using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using Orleans.TestingHost;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// New and resolved findings are counted against the previous scheduled run, whatever ran in
/// between: an on-demand run mid-week must not swallow the weekly report's changes.
/// </summary>
public sealed class ScheduledBaselineTests : IAsyncLifetime
{
    private readonly string _output = Directory.CreateTempSubdirectory("compliance-baseline-").FullName;
    private SimulatorApp _simulator = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 12, Seed = 11 });
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = _simulator.ManagementAccountId,
            ["Aws:ServiceUrl"] = _simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Scan:RequestsPerSecond"] = "50",

            // Every run reads AWS again, so each sees the simulator's current week.
            ["Scan:ResultMaxAge"] = "00:00:00.001",
            ["Report:OutputDirectory"] = _output,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
        };
        for (var i = 0; i < _simulator.Organization.Regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = _simulator.Organization.Regions[i];
        }

        _cluster = await ComplianceTestCluster.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await ComplianceTestCluster.StopAsync(_cluster);
        await _simulator.DisposeAsync();
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task A_scheduled_run_after_an_on_demand_run_shows_the_changes_since_the_previous_scheduled_run()
    {
        var report = _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var first = await RunAsync(report.StartWeeklyRunAsync("2026-W01", RunTrigger.Scheduled, CancellationToken.None));
        Assert.Null(first.Totals.ComparedWithRunId);
        Assert.Equal(0, first.Totals.NewFindings + first.Totals.ResolvedFindings);

        _simulator.AdvanceWeek();
        var onDemand = await RunAsync(report.StartOnDemandRunAsync(new OnDemandRunRequest(null), CancellationToken.None).ContinueWith(t => t.Result.Run, TaskScheduler.Default));
        var weekly = await RunAsync(report.StartWeeklyRunAsync("2026-W02", RunTrigger.Scheduled, CancellationToken.None));

        Assert.Equal("2026-W01", onDemand.Totals.ComparedWithRunId);
        Assert.Equal("2026-W01", weekly.Totals.ComparedWithRunId);
        Assert.True(weekly.Totals.NewFindings + weekly.Totals.ResolvedFindings > 0, "the simulator's week changed no finding");
        Assert.Equal(onDemand.Totals.NewFindings, weekly.Totals.NewFindings);
        Assert.Equal(onDemand.Totals.ResolvedFindings, weekly.Totals.ResolvedFindings);

        // The workbook says the same, and which run it compares with.
        var summary = WorkbookRows.Read(weekly.WorkbookPath!, "Summary");
        Assert.Contains(summary, r => r.Length > 1 && r[0] == "Changes compared with" && r[1] == "2026-W01");
        Assert.Contains(summary, r => r.Length > 1 && r[0] == "New since then" && r[1] == weekly.Totals.NewFindings.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(weekly.Totals.NewFindings, WorkbookRows.Read(weekly.WorkbookPath!, "Changes").Skip(1).Count(r => r.Length > 0 && r[0] == "New"));
    }

    private async Task<RunStatus> RunAsync(Task<RunStatus> start)
    {
        var started = await start;
        var status = await RunWaiter.UntilAsync(_cluster.Client, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(2));
        Assert.True(status.Phase == RunPhase.Completed, $"run {status.RunId} ended {status.Phase}: {status.Error}");
        return status;
    }
}
