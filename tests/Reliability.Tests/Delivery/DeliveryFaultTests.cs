using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.TestSupport;
using ComplianceReport.JiraListener;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ComplianceReport.Reliability.Tests.Delivery;

/// <summary>
/// A run whose Jira or S3 delivery fails says so (CompletedWithErrors, the sink and its error
/// named), the other sink still delivers, a hanging Jira is bounded by Jira:RequestTimeout, and
/// <c>report deliver</c> (IReportGrain.DeliverAsync) finishes the run without a second object,
/// issue or attachment. One silo wired as production, the real S3 sink (moto behind a proxy that
/// can answer in its place) and the real Jira sink against the fake Jira.
/// </summary>
[Collection(DeliveryFaultCollection.Name)]
public sealed class DeliveryFaultTests(DeliveryFaultFixture fixture)
{
    private const string JiraEmail = "bot@example.com";
    private const string JiraToken = "jira-fault-token-3b9a";
    private static readonly TimeSpan JiraRequestTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private const string AccessDenied =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R1</RequestId><HostId>H1</HostId></Error>";

    [Fact]
    public async Task Jira_401_ends_the_run_CompletedWithErrors_naming_Jira_and_the_status_S3_still_delivered_and_deliver_completes_it()
    {
        const string week = "2026-W43";
        await using var harness = await Harness.StartAsync(fixture, "d401");
        harness.Jira.Script(new ScriptedResponse("POST", "/search/jql", 401, """{"errorMessages":["You are not authenticated. Authentication required to perform this operation."]}"""));

        var status = await harness.RunAsync(week);

        Assert.Equal(RunPhase.CompletedWithErrors, status.Phase);
        var jira = Assert.Single(status.Deliveries, d => d.Sink == "jira");
        Assert.False(jira.Succeeded);
        Assert.Contains("Jira", jira.Error, StringComparison.Ordinal);
        Assert.Contains("401", jira.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(JiraToken, jira.Error, StringComparison.Ordinal);
        Assert.Single(status.Deliveries, d => d.Sink == "s3" && d.Succeeded);
        Assert.Single(await harness.ListBucketAsync());
        Assert.Empty(harness.Jira.Issues);

        var redelivered = await harness.DeliverAsync(week);
        await harness.AssertDeliveredOnceAsync(redelivered, week, s3Puts: 1);
    }

    [Fact]
    public async Task Jira_500s_are_retried_and_a_create_that_answered_500_after_acting_is_found_not_repeated()
    {
        const string week = "2026-W44";
        await using var harness = await Harness.StartAsync(fixture, "d500");
        harness.Jira.Script(new ScriptedResponse("POST", "/search/jql", 500, """{"errorMessages":["Internal server error"]}"""));
        harness.Jira.Script(new ScriptedResponse("POST", "/rest/api/3/issue", 500, """{"errorMessages":["Internal server error"]}""", ThenPerform: true));

        var status = await harness.RunAsync(week);

        await harness.AssertDeliveredOnceAsync(status, week, s3Puts: 1);
        Assert.True(harness.Jira.RequestsTo("POST", "/search/jql").Count() >= 2, "the failed search was not retried");
        Assert.Single(harness.Jira.RequestsTo("POST", "/rest/api/3/issue"));
    }

    [Fact]
    public async Task A_hanging_Jira_is_bounded_by_Jira_RequestTimeout_and_deliver_completes_the_run_once_it_answers()
    {
        const string week = "2026-W45";
        await using var harness = await Harness.StartAsync(fixture, "dhang");
        harness.Jira.Hanging = true;

        await harness.StartRunAsync(week);
        await harness.UntilAsync(week, s => s.Phase == RunPhase.Delivering || s.IsFinished);
        var clock = Stopwatch.StartNew();
        var status = await harness.UntilAsync(week, s => s.IsFinished);
        clock.Stop();

        Assert.Equal(RunPhase.CompletedWithErrors, status.Phase);
        var jira = Assert.Single(status.Deliveries, d => d.Sink == "jira");
        Assert.Contains("Jira:RequestTimeout", jira.Error, StringComparison.Ordinal);
        Assert.Single(status.Deliveries, d => d.Sink == "s3" && d.Succeeded);

        // Four tries of 2 s and their backoff (1 + 2 + 4 s), far from the 7 minutes of HttpClient's defaults.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the run stayed {clock.Elapsed} in Delivering with a hanging Jira");
        Assert.Equal(4, harness.Jira.RequestsTo("POST", "/search/jql").Count());

        harness.Jira.Hanging = false;
        var redelivered = await harness.DeliverAsync(week);
        await harness.AssertDeliveredOnceAsync(redelivered, week, s3Puts: 1);
    }

    [Fact]
    public async Task S3_AccessDenied_ends_the_run_CompletedWithErrors_naming_S3_Jira_still_delivered_and_deliver_completes_it()
    {
        const string week = "2026-W46";
        await using var harness = await Harness.StartAsync(fixture, "ddeny");
        harness.Proxy.Answer("PUT", $"/{harness.Bucket}/", 403, AccessDenied);

        var status = await harness.RunAsync(week);

        Assert.Equal(RunPhase.CompletedWithErrors, status.Phase);
        var s3 = Assert.Single(status.Deliveries, d => d.Sink == "s3");
        Assert.False(s3.Succeeded);
        Assert.Contains("AccessDenied", s3.Error, StringComparison.Ordinal);
        Assert.Contains($"s3://{harness.Bucket}/", s3.Error, StringComparison.Ordinal);
        Assert.Single(status.Deliveries, d => d.Sink == "jira" && d.Succeeded);
        Assert.Empty(await harness.ListBucketAsync());
        var issue = Assert.Single(harness.Jira.Issues);
        Assert.Single(issue.AttachmentNames);

        harness.Proxy.Clear();
        var redelivered = await harness.DeliverAsync(week);
        await harness.AssertDeliveredOnceAsync(redelivered, week, s3Puts: 2);
    }

    private sealed class Harness : IAsyncDisposable
    {
        private readonly InProcessTestCluster _cluster;
        private readonly AmazonS3Client _s3;
        private readonly string _outputDirectory;

        private Harness(InProcessTestCluster cluster, FakeJira jira, StallingProxy proxy, AmazonS3Client s3, string bucket, string outputDirectory)
        {
            _cluster = cluster;
            Jira = jira;
            Proxy = proxy;
            _s3 = s3;
            Bucket = bucket;
            _outputDirectory = outputDirectory;
        }

        public FakeJira Jira { get; }

        public StallingProxy Proxy { get; }

        public string Bucket { get; }

        public static async Task<Harness> StartAsync(DeliveryFaultFixture fixture, string name)
        {
            var bucket = $"faults-{name}";
            var s3 = Client(fixture.MotoEndpoint);
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            var jira = new FakeJira(3, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraEmail}:{JiraToken}")));
            var proxy = new StallingProxy(fixture.MotoEndpoint);
            var output = Directory.CreateTempSubdirectory("compliance-delivery-faults-").FullName;
            var simulator = fixture.Simulator;
            var settings = new Dictionary<string, string?>
            {
                ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
                ["Aws:ServiceUrl"] = simulator.Endpoint.ToString().TrimEnd('/'),
                ["Aws:Region"] = "us-east-1",
                ["Scan:MaxConcurrentAccounts"] = "8",
                ["Scan:RequestsPerSecond"] = "20",
                ["Report:OutputDirectory"] = output,
                ["Report:S3Bucket"] = bucket,
                ["Report:S3Region"] = "us-east-1",
                ["Jira:BaseUrl"] = jira.BaseUrl,
                ["Jira:ProjectKey"] = "SEC",
                ["Jira:Email"] = JiraEmail,
                ["Jira:ApiToken"] = JiraToken,
                ["Jira:RequestTimeout"] = JiraRequestTimeout.ToString("c", CultureInfo.InvariantCulture),
                ["Jira:SearchLag"] = "00:00:01",
            };
            for (var i = 0; i < simulator.Organization.Regions.Count; i++)
            {
                settings[$"Organization:Regions:{i}"] = simulator.Organization.Regions[i];
            }

            // The production S3 client reads AWS_ENDPOINT_URL_S3, process-wide; this one goes through the proxy.
            var cluster = await ComplianceTestCluster.StartAsync(settings, silo => silo.Services.AddSingleton<IAmazonS3>(_ => Client(proxy.Endpoint)));
            return new Harness(cluster, jira, proxy, s3, bucket, output);
        }

        public async Task<RunStatus> RunAsync(string week)
        {
            await StartRunAsync(week);
            return await UntilAsync(week, s => s.IsFinished);
        }

        public Task StartRunAsync(string week) =>
            _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);

        public Task<RunStatus> UntilAsync(string runId, Func<RunStatus, bool> condition) =>
            RunWaiter.UntilAsync(_cluster.Client, runId, condition, RunTimeout);

        /// <summary><c>report deliver &lt;run&gt;</c>, then the run's end.</summary>
        public async Task<RunStatus> DeliverAsync(string runId)
        {
            var started = await _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default).DeliverAsync(runId, CancellationToken.None);
            Assert.NotNull(started);
            return await UntilAsync(runId, s => s.IsFinished);
        }

        public async Task<List<S3Object>> ListBucketAsync() =>
            (await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket })).S3Objects ?? [];

        /// <param name="s3Puts">Uploads expected through the proxy in all: a delivered sink is never repeated.</param>
        public async Task AssertDeliveredOnceAsync(RunStatus status, string week, int s3Puts)
        {
            Assert.True(status.Phase == RunPhase.Completed, $"run ended {status.Phase}: {string.Join("; ", status.Deliveries.Select(d => $"{d.Sink}: {d.Error}"))}");
            var workbook = Assert.Single(await ListBucketAsync());
            Assert.EndsWith($"/{week}/compliance-report-{week}.xlsx", workbook.Key, StringComparison.Ordinal);
            Assert.Equal(s3Puts, Proxy.RequestLines.Count(l => l.StartsWith("PUT ", StringComparison.Ordinal)));
            Assert.Empty(Jira.Problems);
            var issue = Assert.Single(Jira.Issues);
            Assert.Contains($"compliance-report-{week}", issue.Labels);
            Assert.Equal([$"compliance-report-{week}.xlsx"], issue.AttachmentNames);
            Assert.Empty(issue.Comments);
            Assert.Single(status.Deliveries, d => d.Sink == "s3" && d.Succeeded);
            Assert.Single(status.Deliveries, d => d.Sink == "jira" && d.Succeeded && d.Location == issue.Key);
        }

        public async ValueTask DisposeAsync()
        {
            Jira.Hanging = false;
            await ComplianceTestCluster.StopAsync(_cluster);
            await Proxy.DisposeAsync();
            await Jira.DisposeAsync();
            _s3.Dispose();
            Directory.Delete(_outputDirectory, recursive: true);
        }

        private static AmazonS3Client Client(string endpoint) =>
            new(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    }
}
