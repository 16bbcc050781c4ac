using System.Diagnostics;
using System.Globalization;
using System.Text;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.TestSupport;
using ComplianceReport.JiraListener;

namespace ComplianceReport.Reliability.Tests.Crashes;

/// <summary>
/// kill -9 of the silo that hosts a run while one of its external effects is under way, on a
/// two-silo DynamoDB cluster whose silos share no disk (each has its own Report:OutputDirectory,
/// and the dead silo's folder is deleted), delivering to S3 (moto, behind a stalling proxy) and to
/// a Jira that can hold a request and perform it later. Whatever the dead silo left half done, the
/// survivor finishes the run with exactly one S3 object, one Jira issue for the week, and one
/// attachment (and, for a later run of the week, one comment).
/// </summary>
[Collection(CrashClusterCollection.Name)]
public sealed class DeliveryCrashTests(CrashClusterFixture fixture)
{
    private const string JiraEmail = "bot@example.com";

    // The dead silo's request is held until the survivor has resumed and looked (at most this
    // long, which a slow CI machine may need), so it lands after that look and still inside
    // RequestTimeout + SearchLag of its journaled intent.
    private static readonly TimeSpan JiraStall = TimeSpan.FromSeconds(35);
    private static readonly TimeSpan JiraRequestTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan JiraSearchLag = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killed_while_the_S3_put_is_stalled_the_survivor_rebuilds_the_workbook_and_delivers_once()
    {
        const string week = "2026-W40";
        await using var scenario = await Scenario.StartAsync(fixture, "dkill-s3");
        var stalled = scenario.Proxy.StallNext("PUT", $"/{scenario.Cluster.Bucket}/", TimeSpan.FromSeconds(30));

        await scenario.StartRunAsync(week);
        await stalled.WaitAsync(RunTimeout);
        scenario.KillHost(week);

        var status = await scenario.FinishedAsync(week);
        var issue = await scenario.AssertDeliveredOnceAsync(status, week);
        Assert.Empty(issue.Comments);
    }

    [Fact]
    public async Task Killed_while_the_Jira_attachment_upload_is_stalled_the_survivor_finds_it_and_attaches_once()
    {
        const string week = "2026-W41";
        await using var scenario = await Scenario.StartAsync(fixture, "dkill-attach");

        // An earlier run of the week made the issue: this run comments on it and attaches its workbook.
        var seeded = scenario.Jira.SeedIssue("compliance-report", $"compliance-report-{week}");
        var stalled = scenario.Jira.StallNext("POST", "/attachments", JiraStall);

        await scenario.StartRunAsync(week);
        await stalled.WaitAsync(RunTimeout);
        var readsBefore = scenario.Jira.RequestsTo("GET", $"/issue/{seeded.Key}").Count();
        scenario.KillHost(week);

        // Polled as `report run --wait` would: the calls bring the run back on the survivor.
        var finishing = scenario.FinishedAsync(week);

        // The survivor reads the attachments while the dead silo's upload is still held: it must not upload again.
        var looked = await scenario.ReleaseOnceLookedAsync("GET", $"/issue/{seeded.Key}", readsBefore);
        var status = await finishing;
        Assert.True(looked, "the survivor did not look for the attachment before the late upload landed; the test did not cover the race");
        var issue = await scenario.AssertDeliveredOnceAsync(status, week);
        var comment = Assert.Single(issue.Comments);
        Assert.Contains($"compliance-run-{week}", comment.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_while_the_Jira_comment_is_stalled_the_survivor_finds_it_and_comments_once()
    {
        const string week = "2026-W39";
        await using var scenario = await Scenario.StartAsync(fixture, "dkill-comment");
        var seeded = scenario.Jira.SeedIssue("compliance-report", $"compliance-report-{week}");
        var stalled = scenario.Jira.StallNext("POST", "/comment", JiraStall);

        await scenario.StartRunAsync(week);
        await stalled.WaitAsync(RunTimeout);
        var readsBefore = scenario.Jira.RequestsTo("GET", "/comment").Count();
        scenario.KillHost(week);

        // Polled as `report run --wait` would: the calls bring the run back on the survivor.
        var finishing = scenario.FinishedAsync(week);

        // The survivor reads the comments while the dead silo's comment is still held: it must not comment again.
        var looked = await scenario.ReleaseOnceLookedAsync("GET", "/comment", readsBefore);
        var status = await finishing;
        Assert.True(looked, "the survivor did not look for the comment before the late one landed; the test did not cover the race");
        var issue = await scenario.AssertDeliveredOnceAsync(status, week);
        var comment = Assert.Single(issue.Comments);
        Assert.Contains($"compliance-run-{week}", comment.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_while_the_Jira_create_is_stalled_the_late_issue_is_found_and_no_second_is_created()
    {
        const string week = "2026-W42";
        await using var scenario = await Scenario.StartAsync(fixture, "dkill-create");
        var stalled = scenario.Jira.StallNext("POST", "/rest/api/3/issue", JiraStall);

        await scenario.StartRunAsync(week);
        await stalled.WaitAsync(RunTimeout);
        var searchesBefore = scenario.Jira.RequestsTo("POST", "/search/jql").Count();
        scenario.KillHost(week);

        // Polled as `report run --wait` would: the calls bring the run back on the survivor.
        var finishing = scenario.FinishedAsync(week);

        // The survivor searches while the dead silo's create is still held: it must not create.
        var looked = await scenario.ReleaseOnceLookedAsync("POST", "/search/jql", searchesBefore);
        var status = await finishing;
        Assert.True(looked, "the survivor did not search before the late create landed; the test did not cover the race");
        var issue = await scenario.AssertDeliveredOnceAsync(status, week);
        Assert.Empty(issue.Comments);

        // The issue is the dead silo's (its create landed late); the survivor searched, never created.
        Assert.Single(scenario.Jira.RequestsTo("POST", "/rest/api/3/issue"));
    }

    private sealed class Scenario : IAsyncDisposable
    {
        private Scenario(CrashClusterFixture fixture, string name)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraEmail}:{TwoSiloCluster.JiraToken}"));
            Jira = new FakeJira(3, "Basic " + basic);
            Proxy = new StallingProxy(fixture.MotoEndpoint);
            Cluster = new TwoSiloCluster(fixture, name, Configure);
        }

        public FakeJira Jira { get; }

        public StallingProxy Proxy { get; }

        public TwoSiloCluster Cluster { get; }

        public static async Task<Scenario> StartAsync(CrashClusterFixture fixture, string name)
        {
            var scenario = new Scenario(fixture, name);
            await scenario.Cluster.CreateBucketAsync();
            await Task.WhenAll(scenario.Cluster.StartSiloAsync(0), scenario.Cluster.StartSiloAsync(1));
            await scenario.Cluster.ConnectAsync();
            return scenario;
        }

        public string OutputDirectoryOf(int silo) => Path.Combine(Cluster.OutputDirectory, $"silo{silo}");

        public Task StartRunAsync(string week) =>
            Cluster.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);

        /// <summary>kill -9 of the run's silo, and its disk with it (ECS tasks share none).</summary>
        public void KillHost(string runId)
        {
            var host = Cluster.HostOf(runId);
            Assert.True(host >= 0, "no silo logged the start of the run");
            Cluster.Kill(host);
            Directory.Delete(OutputDirectoryOf(host), recursive: true);
        }

        /// <summary>
        /// Waits for the survivor's first read of what the dead silo's held request would change,
        /// then lets that request land; false when the hold ran out first.
        /// </summary>
        public async Task<bool> ReleaseOnceLookedAsync(string method, string pathSuffix, int readsBefore)
        {
            var waited = Stopwatch.StartNew();
            while (Jira.RequestsTo(method, pathSuffix).Count() <= readsBefore && waited.Elapsed < JiraStall)
            {
                await Task.Delay(50);
            }

            var looked = Jira.RequestsTo(method, pathSuffix).Count() > readsBefore && waited.Elapsed < JiraStall;
            Jira.ReleaseStalled();
            return looked;
        }

        public Task<RunStatus> FinishedAsync(string runId) => RunWaiter.UntilAsync(Cluster.Grains, runId, s => s.IsFinished, RunTimeout);

        public async Task<FakeIssue> AssertDeliveredOnceAsync(RunStatus status, string week)
        {
            var log = Cluster.AllOutput;
            Assert.True(status.Phase == RunPhase.Completed, $"run ended {status.Phase}: {status.Error}; {string.Join("; ", status.Deliveries.Select(d => $"{d.Sink}: {d.Error}"))}\n{log[^Math.Min(20000, log.Length)..]}");
            Assert.True(status.Resumes >= 1, $"expected a resume, saw {status.Resumes}");
            Assert.Contains($"Run {week} resumed", log, StringComparison.Ordinal);

            var objects = await Cluster.ListBucketAsync();
            var workbook = Assert.Single(objects);
            Assert.EndsWith($"/{week}/compliance-report-{week}.xlsx", workbook.Key, StringComparison.Ordinal);

            Assert.Empty(Jira.Problems);
            var issue = Assert.Single(Jira.Issues);
            Assert.Contains($"compliance-report-{week}", issue.Labels);
            var attachment = Assert.Single(issue.AttachmentNames);
            Assert.Equal($"compliance-report-{week}.xlsx", attachment);
            Assert.Single(status.Deliveries, d => d.Sink == "s3" && d.Succeeded);
            Assert.Single(status.Deliveries, d => d.Sink == "jira" && d.Succeeded && d.Location == issue.Key);
            return issue;
        }

        public async ValueTask DisposeAsync()
        {
            await Cluster.DisposeAsync();
            await Proxy.DisposeAsync();
            await Jira.DisposeAsync();
        }

        private void Configure(int silo, Dictionary<string, string> environment)
        {
            environment["Report__OutputDirectory"] = OutputDirectoryOf(silo);
            environment["AWS_ENDPOINT_URL_S3"] = Proxy.Endpoint;
            environment["Jira__DryRun"] = "false";
            environment["Jira__BaseUrl"] = Jira.BaseUrl;
            environment["Jira__Email"] = JiraEmail;
            environment["Jira__RequestTimeout"] = JiraRequestTimeout.ToString("c", CultureInfo.InvariantCulture);
            environment["Jira__SearchLag"] = JiraSearchLag.ToString("c", CultureInfo.InvariantCulture);

            // The run is to be interrupted in delivery, not in the scan: scan quickly.
            environment["Scan__MaxConcurrentAccounts"] = "8";
            environment["Scan__RequestsPerSecond"] = "20";

            // Declare the killed silo dead in seconds, so the run resumes well inside the test's minute.
            environment["Cluster__Membership__ProbeTimeout"] = "00:00:02";
            environment["Cluster__Membership__NumMissedProbesLimit"] = "2";
        }
    }
}
