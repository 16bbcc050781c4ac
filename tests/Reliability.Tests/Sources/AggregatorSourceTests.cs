using System.Globalization;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using Xunit.Abstractions;

namespace ComplianceReport.Reliability.Tests.Sources;

/// <summary>
/// The two data sources over one simulated organization: the report read through the
/// organization's Config aggregator lists the same findings as the hub-and-spoke report, and the
/// aggregator's own faults (a FAILED and an OUTDATED source, an account it does not cover) are on
/// the Errors sheet with the aggregator's code instead of looking clean.
/// </summary>
public sealed class AggregatorSourceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Aggregator_and_hub_and_spoke_reports_list_the_same_findings_and_the_aggregator_faults_as_errors()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = 24,
            Seed = 21,
            NoConfigAccounts = 2,
            SuspendedAccounts = 1,
            AggregatorFailedSources = 1,
            AggregatorOutdatedSources = 1,
            AggregatorMissingAccounts = 1,
        });

        var (hubStatus, hubBook) = await RunReportAsync(simulator, aggregator: false);
        var (aggregatorStatus, aggregatorBook) = await RunReportAsync(simulator, aggregator: true);
        output.WriteLine($"AssumeRole: {hubStatus.AwsCalls.Calls} AWS calls; Aggregator: {aggregatorStatus.AwsCalls.Calls} AWS calls");
        try
        {
            AssertSameFindings(simulator, hubBook, aggregatorBook);
        }
        finally
        {
            File.Delete(hubBook);
            File.Delete(aggregatorBook);
        }
    }

    private static void AssertSameFindings(SimulatorApp simulator, string hubBook, string aggregatorBook)
    {
        // The aggregator's faults, each with its own code: 1 account x 2 regions not covered, 1 FAILED, 1 OUTDATED.
        var errors = WorkbookRows.Read(aggregatorBook, "Errors").Skip(1).ToList();
        var notCovered = errors.Where(e => Cell(e, 5) == "SourceNotAggregated").ToList();
        var failed = Assert.Single(errors, e => e[4].Contains("FAILED", StringComparison.Ordinal));
        var outdated = Assert.Single(errors, e => e[4].Contains("OUTDATED", StringComparison.Ordinal));
        Assert.Equal(simulator.Organization.Regions.Count, notCovered.Count);
        Assert.Single(notCovered.Select(e => e[0]).Distinct());
        Assert.Equal("AccessDeniedException", Cell(failed, 5));
        Assert.Contains("service-linked role is not authorized", failed[4], StringComparison.Ordinal);
        Assert.Equal("OUTDATED", Cell(outdated, 5));
        var faulted = notCovered.Append(failed).Append(outdated).Select(e => (Account: e[0], Region: e[2])).ToHashSet();

        // Everything else the hub-and-spoke report read, the aggregator report read the same.
        var hubErrors = WorkbookRows.Read(hubBook, "Errors").Skip(1).Select(e => (e[0], e[2], e[3])).ToHashSet();
        Assert.Equal(hubErrors, errors.Where(e => !faulted.Contains((e[0], e[2]))).Select(e => (e[0], e[2], e[3])).ToHashSet());
        var hubFindings = Findings(hubBook);
        var expected = hubFindings.Where(f => !faulted.Contains((f.Account, f.Region))).ToList();
        var actual = Findings(aggregatorBook);
        Assert.NotEmpty(expected);
        Assert.True(hubFindings.Count > expected.Count, "the faulted account-regions had no findings, so the test would not notice them missing");
        Assert.Equal(expected.Select(f => f.Key).Order(StringComparer.Ordinal), actual.Select(f => f.Key).Order(StringComparer.Ordinal));

        // Names and tags come from the aggregate resource lookups, as they do from each account's.
        Assert.Equal(expected.Select(f => f.Key + "|" + f.Name).Order(StringComparer.Ordinal), actual.Select(f => f.Key + "|" + f.Name).Order(StringComparer.Ordinal));
    }

    private static string Cell(string[] row, int index) => index < row.Length ? row[index] : string.Empty;

    private static List<(string Account, string Region, string Key, string Name)> Findings(string workbook) =>
        WorkbookRows.Read(workbook, "Findings").Skip(1)
            .Select(r => (r[0], r[2], string.Join('|', r[0], r[2], r[3], r[4], r[5]), Cell(r, 6)))
            .ToList();

    private async Task<(RunStatus Status, string Workbook)> RunReportAsync(SimulatorApp simulator, bool aggregator)
    {
        var outputDirectory = Directory.CreateTempSubdirectory("compliance-source-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Aws:ServiceUrl"] = simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Scan:RequestsPerSecond"] = "20",
            ["Report:OutputDirectory"] = outputDirectory,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
        };
        for (var i = 0; i < simulator.Organization.Regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = simulator.Organization.Regions[i];
        }

        if (aggregator)
        {
            settings["Organization:Source"] = "Aggregator";
            settings["Organization:AggregatorName"] = simulator.AggregatorName;
            settings["Organization:AggregatorAccountId"] = simulator.AggregatorAccountId;
            settings["Organization:AggregatorRegion"] = simulator.AggregatorRegion;
        }

        var cluster = await ComplianceTestCluster.StartAsync(settings);
        try
        {
            var report = cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default);
            var started = await report.StartWeeklyRunAsync("2026-W49", RunTrigger.Scheduled, CancellationToken.None);
            var status = await RunWaiter.UntilAsync(cluster.Client, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(3));
            Assert.True(status.Phase == RunPhase.Completed, $"{(aggregator ? "aggregator" : "hub-and-spoke")} run ended {status.Phase}: {status.Error}");
            var copy = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"compliance-{(aggregator ? "aggregator" : "assume-role")}-{Guid.NewGuid():N}.xlsx"));
            File.Copy(status.WorkbookPath!, copy);
            return (status, copy);
        }
        finally
        {
            await ComplianceTestCluster.StopAsync(cluster);
            Directory.Delete(outputDirectory, recursive: true);
        }
    }
}
