using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.S3;

/// <summary>
/// Uploads the workbook to <c>s3://&lt;bucket&gt;/&lt;prefix&gt;/&lt;yyyy&gt;/&lt;yyyy-Www&gt;/compliance-report-&lt;label&gt;.xlsx</c>
/// (see <see cref="RunNaming"/>) with server-side encryption and returns a presigned GET link.
/// Registered only when <c>Report:S3Bucket</c> is set.
/// </summary>
public sealed class S3ReportSink : IReportSink
{
    public const string SinkName = "s3";

    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The SDK signs presigned URLs with SigV2 once the expiry is past seven days, measured on its
    // clock-skew-corrected time (seen a second off); a minute inside keeps them SigV4, which
    // SSE-KMS objects require.
    private static readonly TimeSpan PresignMargin = TimeSpan.FromMinutes(1);

    private readonly IAmazonS3 _s3;
    private readonly S3DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<S3ReportSink> _logger;

    public S3ReportSink(IAmazonS3 s3, IOptions<S3DeliveryOptions> options, TimeProvider time, ILogger<S3ReportSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _s3 = s3;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public string Name => SinkName;

    public int Order => 10;

    /// <summary>The object key for a run: built from our week label and run id only.</summary>
    public static string ObjectKey(string? prefix, RunInfo run)
    {
        var trimmed = (prefix ?? string.Empty).Trim('/');
        var relative = $"{RunNaming.WeekYear(run)}/{run.IsoWeek}/{RunNaming.WorkbookFileName(run)}";
        return trimmed.Length == 0 ? relative : $"{trimmed}/{relative}";
    }

    /// <remarks>
    /// Safe to repeat: the key depends only on the run, so a resumed run overwrites the object its
    /// lost attempt may have written (a multipart upload that died is never completed, and the
    /// bucket's lifecycle rule should abort it). The key is journaled before the upload.
    /// </remarks>
    public async Task<DeliveryResult> DeliverAsync(ReportArtifact artifact, IReadOnlyList<DeliveryResult> earlier, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(journal);
        var bucket = _options.S3Bucket;
        string key;
        try
        {
            key = ObjectKey(_options.S3Prefix, artifact.Run);
        }
        catch (ArgumentException ex)
        {
            return Fail(artifact, bucket, "(no key)", ex.Message);
        }

        var location = $"s3://{bucket}/{key}";
        if (!File.Exists(artifact.LocalPath))
        {
            return Fail(artifact, bucket, key, $"The workbook {artifact.LocalPath} does not exist; nothing to upload to {location}.");
        }

        try
        {
            await journal.SetAsync("s3.key", key, cancellationToken).ConfigureAwait(false);
            await UploadAsync(artifact, bucket, key, cancellationToken).ConfigureAwait(false);
            var link = await PresignAsync(bucket, key).ConfigureAwait(false);
            S3DeliveryLog.Uploaded(_logger, artifact.Run.RunId, new FileInfo(artifact.LocalPath).Length, bucket, key);
            return new DeliveryResult(SinkName, true, location, link, null);
        }
        catch (AmazonS3Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(artifact, bucket, key, Describe(ex, bucket, location));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is AmazonClientException or AmazonServiceException or IOException or HttpRequestException or OperationCanceledException)
        {
            // OperationCanceledException without our token cancelled is the SDK's HTTP timeout.
            return Fail(artifact, bucket, key, $"Uploading to {location} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string Describe(AmazonS3Exception ex, string bucket, string location) => ex.ErrorCode switch
    {
        "NoSuchBucket" => $"S3 bucket '{bucket}' does not exist (NoSuchBucket); nothing was written to {location}.",
        "AccessDenied" => $"Access denied writing {location} (AccessDenied): the task role needs s3:PutObject on the bucket (and kms:GenerateDataKey when Report:KmsKeyId is set).",
        "KMS.NotFoundException" or "KMS.DisabledException" or "KMS.InvalidKeyUsageException" =>
            $"Uploading to {location} failed: the KMS key in Report:KmsKeyId is not usable ({ex.ErrorCode}: {ex.Message}).",
        _ => $"Uploading to {location} failed: {ex.ErrorCode ?? ((int)ex.StatusCode).ToString(CultureInfo.InvariantCulture)}: {ex.Message}",
    };

    private async Task UploadAsync(ReportArtifact artifact, string bucket, string key, CancellationToken cancellationToken)
    {
        var request = new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = key,
            FilePath = artifact.LocalPath,
            ContentType = WorkbookContentType,
            PartSize = _options.MultipartThresholdBytes,
        };
        if (string.IsNullOrWhiteSpace(_options.KmsKeyId))
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256;
        }
        else
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            request.ServerSideEncryptionKeyManagementServiceKeyId = _options.KmsKeyId;
        }

        request.Headers.ContentDisposition = $"attachment; filename=\"{RunNaming.WorkbookFileName(artifact.Run)}\"";
        request.Metadata.Add("run-id", RunNaming.RunLabel(artifact.Run));
        request.Metadata.Add("iso-week", artifact.Run.IsoWeek);
        request.Metadata.Add("trigger", artifact.Run.Trigger.ToString());
        request.Metadata.Add("accounts", artifact.Totals.Accounts.ToString(CultureInfo.InvariantCulture));
        request.Metadata.Add("accounts-scanned", artifact.Totals.AccountsScanned.ToString(CultureInfo.InvariantCulture));
        request.Metadata.Add("findings", artifact.Totals.NonCompliantResources.ToString(CultureInfo.InvariantCulture));

        // TransferUtility sends one PutObject below the threshold and a multipart upload (parts
        // in parallel, aborted on failure) at or above it.
        using var transfer = new TransferUtility(_s3, new TransferUtilityConfig { MinSizeBeforePartUpload = _options.MultipartThresholdBytes });
        await transfer.UploadAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> PresignAsync(string bucket, string key)
    {
        var lifetime = _options.PresignedUrlLifetime;
        if (lifetime > S3DeliveryOptions.MaxPresignedUrlLifetime - PresignMargin)
        {
            lifetime = S3DeliveryOptions.MaxPresignedUrlLifetime - PresignMargin;
        }

        var serviceUrl = _s3.Config.ServiceURL;
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = _time.GetUtcNow().UtcDateTime + lifetime,

            // A custom endpoint (AWS_ENDPOINT_URL_S3) may be plain http; presign for what it serves.
            Protocol = serviceUrl is not null && serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        };
        return await _s3.GetPreSignedURLAsync(request).ConfigureAwait(false);
    }

    private DeliveryResult Fail(ReportArtifact artifact, string bucket, string key, string error)
    {
        S3DeliveryLog.UploadFailed(_logger, artifact.Run.RunId, bucket, key, error);
        return new DeliveryResult(SinkName, false, null, null, error);
    }
}
