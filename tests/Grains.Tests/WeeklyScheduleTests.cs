using System.Globalization;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// The weekly run starts from the reminder alone, with no one calling the cluster: what a
/// deployment scaled to zero relies on when its silos come up before the week's instant.
/// </summary>
public sealed class WeeklyScheduleTests
{
    [Fact]
    public async Task Silos_up_before_the_weeks_instant_start_the_scheduled_run_on_their_own_once_it_passes()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 4, Seed = 3 });
        var output = Directory.CreateTempSubdirectory("compliance-schedule-").FullName;

        // The instant falls between the silo's start and the reminder's first tick a minute later.
        var instant = DateTimeOffset.UtcNow.AddSeconds(40);
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Aws:ServiceUrl"] = simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Scan:RequestsPerSecond"] = "50",
            ["Report:OutputDirectory"] = output,
            ["Report:Schedule:DayOfWeek"] = instant.DayOfWeek.ToString(),
            ["Report:Schedule:TimeUtc"] = instant.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
        };
        for (var i = 0; i < simulator.Organization.Regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = simulator.Organization.Regions[i];
        }

        var cluster = await ComplianceTestCluster.StartAsync(settings);
        try
        {
            var report = cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default);
            Assert.Empty(await report.ListRunsAsync(CancellationToken.None));

            var week = IsoWeek.Of(instant);
            var status = await RunWaiter.UntilAsync(cluster.Client, week, s => s.IsFinished, TimeSpan.FromMinutes(3));

            Assert.Equal(RunPhase.Completed, status.Phase);
            Assert.Equal(RunTrigger.Scheduled, status.Trigger);
            Assert.True(status.StartedAt >= instant, $"started {status.StartedAt:O}, before the instant {instant:O}");
            Assert.Single(await report.ListRunsAsync(CancellationToken.None));
        }
        finally
        {
            await ComplianceTestCluster.StopAsync(cluster);
            Directory.Delete(output, recursive: true);
        }
    }
}
