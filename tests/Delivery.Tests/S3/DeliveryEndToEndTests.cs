using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.S3;
using ComplianceReport.Delivery.Tests.Jira;
using ComplianceReport.Delivery.Tests.Support;
using ComplianceReport.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Tests.S3;

/// <summary>The issue's "done when": S3 on moto, Jira on the fake, two runs of the same week.</summary>
[Collection(MotoCollection.Name)]
public sealed class DeliveryEndToEndTests(MotoServer moto) : IAsyncLifetime
{
    private const string Bucket = "sec-compliance-reports";

    private readonly AmazonS3Client _s3 = new(
        new BasicAWSCredentials("AKIDTESTTESTTESTTEST", "secret"),
        new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        await _s3.PutBucketAsync(Bucket);
    }

    public Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_runs_of_a_week_give_one_object_one_issue_and_one_comment()
    {
        await using var jira = new JiraSinkHarness();
        var s3Sink = new S3ReportSink(_s3, Options.Create(new S3DeliveryOptions { S3Bucket = Bucket, S3Prefix = "reports" }), TimeProvider.System, NullLogger<S3ReportSink>.Instance);
        IReportSink[] sinks = [jira.Sink, s3Sink];

        var first = await RunAsync(sinks, jira.Files.Create(TestArtifacts.RandomBytes(20_000, seed: 1)));
        // The week run again after a failure: a new run, the same scheduled key and the week's issue.
        var rerun = TestArtifacts.ScheduledRun() with { RunId = "2026-W48-rerun-2" };
        var second = await RunAsync(sinks, jira.Files.Create(TestArtifacts.RandomBytes(20_000, seed: 2), rerun));

        Assert.All(first.Concat(second), r => Assert.True(r.Succeeded, r.Error));
        var objects = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        Assert.Single(objects.S3Objects);
        var issue = Assert.Single(jira.Fake.Issues);
        Assert.Single(issue.Comments);
        Assert.Single(jira.Fake.RequestsTo("POST", "/rest/api/3/issue"));
        Assert.Empty(jira.Fake.Problems);

        var link = first[0].Link!;
        var unescaped = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Assert.Contains($"\"href\":\"{link}\"", issue.Fields["description"]!.ToJsonString(unescaped), StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(TestArtifacts.RandomBytes(20_000, seed: 2), await http.GetByteArrayAsync(link));
    }

    // What the report grain does: every sink in Order, each seeing the earlier results.
    private static async Task<List<DeliveryResult>> RunAsync(IEnumerable<IReportSink> sinks, ReportArtifact artifact)
    {
        var results = new List<DeliveryResult>();
        foreach (var sink in sinks.OrderBy(s => s.Order))
        {
            results.Add(await sink.DeliverAsync(artifact, results, new MemoryJournal(), CancellationToken.None));
        }

        return results;
    }
}
