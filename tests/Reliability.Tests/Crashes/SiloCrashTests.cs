using ComplianceReport.Compliance.Model;
using ComplianceReport.DynamoDb;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Reliability.Tests.Support;

namespace ComplianceReport.Reliability.Tests.Crashes;

/// <summary>
/// kill -9 against a two-silo cluster on DynamoDB: the run survives the loss of the silo that
/// hosts it, and of the whole cluster, and still delivers exactly once.
/// </summary>
[Collection(CrashClusterCollection.Name)]
public sealed class SiloCrashTests(CrashClusterFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Killing_the_silo_that_hosts_the_run_resumes_it_on_the_survivor_and_delivers_once()
    {
        await using var cluster = new TwoSiloCluster(fixture, "kill1");
        await cluster.CreateBucketAsync();
        await cluster.StartSiloAsync(0);
        await cluster.StartSiloAsync(1);
        await cluster.ConnectAsync();

        const string week = "2026-W30";
        await cluster.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        var midway = await RunWaiter.UntilAsync(cluster.Grains, week, s => s.AccountsDone >= 3 || s.IsFinished, RunTimeout);
        // Accounts finish while the OU walk may still run: a crash in either phase is mid-run.
        Assert.True(midway.Phase is RunPhase.Discovering or RunPhase.Scanning, $"phase {midway.Phase}");

        var host = cluster.HostOf(week);
        Assert.True(host >= 0, "no silo logged the start of the run");
        cluster.Kill(host);

        var status = await RunWaiter.UntilAsync(cluster.Grains, week, s => s.IsFinished, RunTimeout);
        await AssertDeliveredOnceAsync(cluster, status, week);
        Assert.Contains($"Run {week} resumed", cluster.Output(1 - host), StringComparison.Ordinal);

        await AssertNoSecretsAsync(cluster, status);
    }

    [Fact]
    public async Task Restarting_the_whole_cluster_mid_run_resumes_from_DynamoDB_and_delivers_once()
    {
        await using var cluster = new TwoSiloCluster(fixture, "restart");
        await cluster.CreateBucketAsync();
        await cluster.StartSiloAsync(0);
        await cluster.StartSiloAsync(1);
        await cluster.ConnectAsync();

        const string week = "2026-W31";
        await cluster.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        var midway = await RunWaiter.UntilAsync(cluster.Grains, week, s => s.AccountsDone >= 3 || s.IsFinished, RunTimeout);
        // Accounts finish while the OU walk may still run: a crash in either phase is mid-run.
        Assert.True(midway.Phase is RunPhase.Discovering or RunPhase.Scanning, $"phase {midway.Phase}");

        await cluster.DisconnectAsync();
        cluster.Kill(0);
        cluster.Kill(1);
        await cluster.StartSiloAsync(0);
        await cluster.StartSiloAsync(1);
        await cluster.ConnectAsync();

        var status = await RunWaiter.UntilAsync(cluster.Grains, week, s => s.IsFinished, RunTimeout);
        await AssertDeliveredOnceAsync(cluster, status, week);
        Assert.True(status.AccountsDone >= midway.AccountsDone);
    }

    private async Task AssertDeliveredOnceAsync(TwoSiloCluster cluster, RunStatus status, string week)
    {
        Assert.True(status.Phase == RunPhase.Completed, $"run ended {status.Phase}: {status.Error}\n{cluster.AllOutput[^Math.Min(20000, cluster.AllOutput.Length)..]}");
        Assert.True(status.Resumes >= 1, $"expected a resume, saw {status.Resumes}");
        var organization = fixture.Simulator.Organization;
        Assert.Equal(organization.Accounts.Count, status.AccountsDone);

        // Exactly one workbook in S3, one ticket file, one successful delivery per sink.
        var objects = await cluster.ListBucketAsync();
        var workbook = Assert.Single(objects, o => o.Key.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Contains(week, workbook.Key, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cluster.OutputDirectory, "jira-ticket-*.json"));
        Assert.Single(Directory.GetFiles(cluster.OutputDirectory, "*.xlsx"));
        Assert.Single(status.Deliveries, d => d.Sink == "s3" && d.Succeeded);
        Assert.Single(status.Deliveries, d => d.Sink == "jira" && d.Succeeded);
        Assert.Equal(2, status.Deliveries.Count);

        // The uploaded workbook holds every account and exactly the simulator's findings.
        using var stream = new MemoryStream(await cluster.DownloadAsync(workbook.Key));
        var accounts = WorkbookRows.Read(stream, "Accounts").Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(organization.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal), accounts.Order(StringComparer.Ordinal));
        stream.Position = 0;
        var findings = WorkbookRows.Read(stream, "Findings").Skip(1).Select(r => $"{r[0]}|{r[2]}|{r[3]}|{r[5]}").Order(StringComparer.Ordinal).ToList();
        var expected = organization.Accounts
            .Where(a => !a.IsDenied && !a.IsSuspended)
            .SelectMany(a => organization.Regions.Select(region => (Account: a.Id, Region: region, Data: fixture.Simulator.GetRegion(a.Id, region))))
            .Where(x => x.Data.HasRecorder)
            .SelectMany(x => x.Data.NonCompliant.Select(f => $"{x.Account}|{x.Region}|{f.RuleName}|{f.ResourceId}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, findings);
    }

    private async Task AssertNoSecretsAsync(TwoSiloCluster cluster, RunStatus status)
    {
        string[] secrets = [TwoSiloCluster.JiraToken, fixture.Simulator.Options.HubSecret];
        SecretScan.AssertClean("silo logs", cluster.AllOutput, secrets);
        SecretScan.AssertClean("run record", string.Join("\n", status.Failures.Select(f => f.Error.Message).Append(status.Error ?? string.Empty)), secrets);
        foreach (var file in Directory.GetFiles(cluster.OutputDirectory))
        {
            var text = file.EndsWith(".xlsx", StringComparison.Ordinal) ? SecretScan.WorkbookText(await File.ReadAllBytesAsync(file)) : await File.ReadAllTextAsync(file);
            SecretScan.AssertClean(Path.GetFileName(file), text, secrets);
        }

        using var dynamo = fixture.DynamoDb();
        var tables = DynamoDbTableNames.For(cluster.TablePrefix);
        var state = await SecretScan.TableTextAsync(dynamo, tables.GrainState);

        // The scan reads real state (so it can find something): the accounts' names are in it.
        var someAccount = fixture.Simulator.Organization.Accounts.First(a => !a.IsDenied && !a.IsSuspended);
        Assert.Contains(state, s => s.Text.Contains(someAccount.Name, StringComparison.Ordinal));
        foreach (var (key, text) in state)
        {
            SecretScan.AssertClean($"grain state {key}", text, secrets);
        }

        foreach (var table in new[] { tables.Membership, tables.Reminders })
        {
            foreach (var (key, text) in await SecretScan.TableTextAsync(dynamo, table))
            {
                SecretScan.AssertClean($"{table} {key}", text, secrets);
            }
        }
    }
}
