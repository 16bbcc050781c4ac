using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Reliability.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ComplianceReport.Reliability.Tests.Exceptions;

/// <summary>
/// <c>Report:ExceptionsFile</c> at an <c>s3://</c> location (moto), read with the hub's S3 client
/// at each run's start, on a cluster that delivers no report to S3: a missing or invalid file fails
/// the run before anything is scanned, naming the file, line and field; a valid one takes its
/// findings out of the headline figures, counted under "Accepted by exceptions".
/// </summary>
[Collection(DeliveryFaultCollection.Name)]
public sealed class ExceptionsRunTests(DeliveryFaultFixture fixture) : IAsyncLifetime
{
    private const string Bucket = "exceptions-run";
    private const string Key = "governance/exceptions.yaml";
    private static readonly string Location = $"s3://{Bucket}/{Key}";
    private readonly string _output = Directory.CreateTempSubdirectory("compliance-exceptions-run-").FullName;
    private AmazonS3Client _s3 = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _s3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = fixture.MotoEndpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
        var simulator = fixture.Simulator;
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Aws:ServiceUrl"] = simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Scan:RequestsPerSecond"] = "20",
            ["Report:OutputDirectory"] = _output,
            ["Report:S3Region"] = "us-east-1",
            ["Report:ExceptionsFile"] = Location,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
        };
        for (var i = 0; i < simulator.Organization.Regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = simulator.Organization.Regions[i];
        }

        // The hub's S3 client, pointed at moto (the production one reads AWS_ENDPOINT_URL_S3, process-wide).
        _cluster = await ComplianceTestCluster.StartAsync(settings, silo => silo.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(
            new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = fixture.MotoEndpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" })));
    }

    public async Task DisposeAsync()
    {
        await ComplianceTestCluster.StopAsync(_cluster);
        _s3.Dispose();
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task A_missing_or_invalid_file_fails_the_run_before_scanning_and_a_valid_one_accepts_its_findings()
    {
        var missing = await RunAsync("2026-W01");
        Assert.Equal(RunPhase.Failed, missing.Phase);
        Assert.Equal($"{Location}: the exceptions file cannot be read: no such bucket or key", missing.Error);
        AssertNothingScanned(missing);

        await UploadAsync("""
            exceptions:
              - id: legacy-bucket
                rules: [s3-bucket-public-read-prohibited]
                reason: public until the CDN migration
                approved: 2026-01-01
                approvedBy: ciso@example.com
                expires: 2026-06-01
            """);
        var invalid = await RunAsync("2026-W02");
        Assert.Equal(RunPhase.Failed, invalid.Phase);
        Assert.Contains($"{Location}:2: exceptions[0].owner: is required", invalid.Error, StringComparison.Ordinal);
        AssertNothingScanned(invalid);

        await UploadAsync("exceptions: []\n");
        var before = await RunAsync("2026-W03");
        Assert.True(before.Phase == RunPhase.Completed, $"{before.Phase}: {before.Error}");
        Assert.Equal(0, before.Totals.AcceptedFindings);
        var summary = await _cluster.Client.GetGrain<IReportRunGrain>(before.RunId).GetSummaryAsync(CancellationToken.None);
        var rule = summary!.Rules.First(r => r.NonCompliantResources > 0);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await UploadAsync($"""
            exceptions:
              - id: accepted-rule
                rules: [{rule.RuleName}]
                owner: platform-team
                reason: accepted for the test
                ticket: SEC-1
                approved: {today.AddDays(-1):yyyy-MM-dd}
                approvedBy: ciso@example.com
                expires: {today.AddDays(90):yyyy-MM-dd}
            """);
        var accepted = await RunAsync("2026-W04");

        Assert.True(accepted.Phase == RunPhase.Completed, $"{accepted.Phase}: {accepted.Error}");
        var totals = accepted.Totals;
        Assert.Equal(rule.NonCompliantResources, totals.AcceptedFindings);
        Assert.Equal(before.Totals.NonCompliantResources, totals.RawNonCompliantResources);
        Assert.Equal(before.Totals.NonCompliantResources - rule.NonCompliantResources, totals.NonCompliantResources);

        var rows = WorkbookRows.Read(accepted.WorkbookPath!, "Summary");
        string Cell(string label) => rows.First(r => r.Length > 1 && r[0] == label)[1];
        Assert.Equal(totals.NonCompliantResources.ToString(CultureInfo.InvariantCulture), Cell("Non-compliant resources"));
        Assert.Equal(totals.AcceptedFindings.ToString(CultureInfo.InvariantCulture), Cell("Accepted by exceptions"));
        Assert.Equal(totals.RawNonCompliantResources.ToString(CultureInfo.InvariantCulture), Cell("Before exceptions"));
        var usage = Assert.Single((await _cluster.Client.GetGrain<IReportRunGrain>(accepted.RunId).GetSummaryAsync(CancellationToken.None))!.ExceptionList);
        Assert.Equal("accepted-rule", usage.Entry.Id);
        Assert.Equal(rule.NonCompliantResources, usage.Covered);
    }

    private static void AssertNothingScanned(RunStatus status)
    {
        Assert.Equal(0, status.AccountsDone);
        Assert.Equal(0, status.AwsCalls.Calls);
        Assert.Null(status.WorkbookPath);
    }

    private async Task<RunStatus> RunAsync(string week)
    {
        await _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        return await RunWaiter.UntilAsync(_cluster.Client, week, s => s.IsFinished, TimeSpan.FromMinutes(2));
    }

    private Task UploadAsync(string text) =>
        _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = Key, ContentBody = text });
}
