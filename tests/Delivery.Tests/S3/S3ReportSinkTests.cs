using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.Hosting;
using ComplianceReport.Delivery.S3;
using ComplianceReport.Delivery.Tests.Support;
using ComplianceReport.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Tests.S3;

[Collection(MotoCollection.Name)]
public sealed class S3ReportSinkTests : IAsyncLifetime, IDisposable
{
    private const string Bucket = "sec-compliance-reports";
    private const string Key = "reports/2026/2026-W48/compliance-report-2026-W48.xlsx";

    private readonly MotoServer _moto;
    private readonly TestArtifacts _files = new();
    private readonly AmazonS3Client _s3;

    public S3ReportSinkTests(MotoServer moto)
    {
        _moto = moto;
        _s3 = new AmazonS3Client(
            new BasicAWSCredentials("AKIDTESTTESTTESTTEST", "secret"),
            new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    }

    public async Task InitializeAsync()
    {
        await _moto.ResetAsync();
        await _s3.PutBucketAsync(Bucket);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _s3.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task The_workbook_lands_at_the_week_key_encrypted_typed_and_tagged_with_metadata()
    {
        var bytes = TestArtifacts.RandomBytes(40_000);

        var result = await Sink().DeliverAsync(_files.Create(bytes), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("s3", result.Sink);
        Assert.Equal($"s3://{Bucket}/{Key}", result.Location);
        var head = await _s3.GetObjectMetadataAsync(Bucket, Key);
        Assert.Equal(ServerSideEncryptionMethod.AES256, head.ServerSideEncryptionMethod);
        Assert.Equal(S3ReportSink.WorkbookContentType, head.Headers.ContentType);
        Assert.Equal("attachment; filename=\"compliance-report-2026-W48.xlsx\"", head.Headers.ContentDisposition);
        Assert.Equal("2026-W48", head.Metadata["run-id"]);
        Assert.Equal("Scheduled", head.Metadata["trigger"]);
        Assert.Equal("300", head.Metadata["accounts"]);
        Assert.Equal("1234", head.Metadata["findings"]);
        Assert.Equal(bytes, await ReadAsync(Key));
    }

    [Fact]
    public async Task Re_running_the_week_overwrites_the_same_key()
    {
        var sink = Sink();
        await sink.DeliverAsync(_files.Create(TestArtifacts.RandomBytes(1000, seed: 1)), [], new MemoryJournal(), CancellationToken.None);
        var second = TestArtifacts.RandomBytes(2000, seed: 2);

        var result = await sink.DeliverAsync(_files.Create(second), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var listed = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        Assert.Equal([Key], listed.S3Objects.Select(o => o.Key));
        Assert.Equal(second, await ReadAsync(Key));
    }

    [Fact]
    public async Task The_presigned_SigV4_link_downloads_the_same_bytes()
    {
        var bytes = TestArtifacts.RandomBytes(30_000, seed: 3);

        var result = await Sink().DeliverAsync(_files.Create(bytes), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith($"{_moto.Endpoint}/{Bucket}/{Key}?", result.Link, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", result.Link, StringComparison.Ordinal);
        Assert.InRange(ExpiresSeconds(result.Link!), 604_740 - 5, 604_740 + 5);
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(result.Link));
    }

    [Fact]
    public async Task The_link_lifetime_follows_Report_PresignedUrlLifetime()
    {
        var result = await Sink(o => o.PresignedUrlLifetime = TimeSpan.FromHours(12)).DeliverAsync(_files.Create([1, 2, 3]), [], new MemoryJournal(), CancellationToken.None);

        Assert.InRange(ExpiresSeconds(result.Link!), 43_200 - 5, 43_200 + 5);
    }

    [Fact]
    public async Task A_file_over_the_threshold_goes_up_as_a_multipart_upload_with_the_same_headers()
    {
        var bytes = TestArtifacts.RandomBytes(7 * 1024 * 1024, seed: 4);

        var result = await Sink(o => o.MultipartThresholdBytes = S3DeliveryOptions.MinMultipartThresholdBytes).DeliverAsync(_files.Create(bytes), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var head = await _s3.GetObjectMetadataAsync(Bucket, Key);
        Assert.EndsWith("-2\"", head.ETag, StringComparison.Ordinal);
        Assert.Equal(ServerSideEncryptionMethod.AES256, head.ServerSideEncryptionMethod);
        Assert.Equal(S3ReportSink.WorkbookContentType, head.Headers.ContentType);
        Assert.Equal("2026-W48", head.Metadata["run-id"]);
        Assert.Equal(bytes, await ReadAsync(Key));
    }

    [Fact]
    public async Task A_KMS_key_selects_SSE_KMS_with_that_key()
    {
        const string KmsKey = "arn:aws:kms:us-east-1:123456789012:key/0b5f2a42-6c1e-4f0e-9d7a-3c1d2e4f5a6b";

        var result = await Sink(o => o.KmsKeyId = KmsKey).DeliverAsync(_files.Create([1, 2, 3]), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var head = await _s3.GetObjectMetadataAsync(Bucket, Key);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, head.ServerSideEncryptionMethod);
        Assert.Equal(KmsKey, head.ServerSideEncryptionKeyManagementServiceKeyId);
    }

    [Fact]
    public async Task A_missing_bucket_is_a_failure_result_naming_the_bucket()
    {
        var result = await Sink(o => o.S3Bucket = "no-such-report-bucket").DeliverAsync(_files.Create([1, 2, 3]), [], new MemoryJournal(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Location);
        Assert.Contains("'no-such-report-bucket'", result.Error, StringComparison.Ordinal);
        Assert.Contains("NoSuchBucket", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_delivery_throws_instead_of_reporting_a_failure()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sink().DeliverAsync(_files.Create([1, 2, 3]), [], new MemoryJournal(), cancellation.Token));
    }

    [Fact]
    public async Task A_missing_workbook_file_is_a_failure_result()
    {
        var artifact = _files.Create([1]) with { LocalPath = Path.Combine(_files.Directory, "gone.xlsx") };

        var result = await Sink().DeliverAsync(artifact, [], new MemoryJournal(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("gone.xlsx does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_on_demand_run_goes_to_the_week_folder_under_its_own_name()
    {
        var run = TestArtifacts.ScheduledRun() with { RunId = "od-20261125-0930", Trigger = RunTrigger.OnDemand };
        await Sink().DeliverAsync(_files.Create([9], run: TestArtifacts.ScheduledRun()), [], new MemoryJournal(), CancellationToken.None);

        var result = await Sink().DeliverAsync(_files.Create([1, 2], run: run), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal($"s3://{Bucket}/reports/2026/2026-W48/compliance-report-2026-W48-od-20261125-0930.xlsx", result.Location);
        Assert.Equal([9], await ReadAsync(Key));
    }

    [Fact]
    public async Task The_sink_registered_from_configuration_follows_AWS_ENDPOINT_URL_S3()
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_S3"] = _moto.Endpoint,
            ["AWS_ACCESS_KEY_ID"] = "AKIDTESTTESTTESTTEST",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_REGION"] = "us-east-1",
        };
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Report:S3Bucket"] = Bucket, ["Report:S3Prefix"] = "env" })
                .Build();
            await using var provider = new ServiceCollection().AddLogging().AddReportDelivery(configuration).BuildServiceProvider();
            var sink = Assert.Single(provider.GetServices<IReportSink>());

            var result = await sink.DeliverAsync(_files.Create([4, 5, 6]), [], new MemoryJournal(), CancellationToken.None);

            Assert.True(result.Succeeded, result.Error);
            Assert.Equal([4, 5, 6], await ReadAsync("env/2026/2026-W48/compliance-report-2026-W48.xlsx"));
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Theory]
    [InlineData("2027-01-01T12:00:00Z", "2026/2026-W53/compliance-report-2026-W53.xlsx")]
    [InlineData("2024-12-30T12:00:00Z", "2025/2025-W01/compliance-report-2025-W01.xlsx")]
    public void The_key_uses_the_ISO_week_year(string instant, string expected)
    {
        var week = IsoWeek.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        var run = TestArtifacts.ScheduledRun(week);

        Assert.Equal("p/" + expected, S3ReportSink.ObjectKey("/p/", run));
        Assert.Equal(expected, S3ReportSink.ObjectKey(string.Empty, run));
    }

    private S3ReportSink Sink(Action<S3DeliveryOptions>? configure = null)
    {
        var options = new S3DeliveryOptions { S3Bucket = Bucket, S3Prefix = "reports" };
        configure?.Invoke(options);
        return new S3ReportSink(_s3, Options.Create(options), TimeProvider.System, NullLogger<S3ReportSink>.Instance);
    }

    private static int ExpiresSeconds(string link)
    {
        var match = System.Text.RegularExpressions.Regex.Match(link, "[?&]X-Amz-Expires=([0-9]+)");
        Assert.True(match.Success, link);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<byte[]> ReadAsync(string key)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
