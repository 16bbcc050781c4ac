using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ComplianceReport.Delivery.S3;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Client.Doctor;

/// <summary>
/// The report bucket: exists, its default encryption, a small probe object put under the prefix
/// with the same server-side encryption as the workbook (so the KMS key is exercised too), then
/// deleted if the role may.
/// </summary>
public sealed class S3BucketCheck(IAmazonS3 s3, IOptions<S3DeliveryOptions> options, TimeProvider time) : IDoctorCheck
{
    public string Name => "S3 bucket";

    public async Task<IReadOnlyList<DoctorCheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var report = options.Value;
        if (string.IsNullOrWhiteSpace(report.S3Bucket))
        {
            return [DoctorCheckResult.Skip(Name, "S3 delivery is off (Report:S3Bucket is empty)")];
        }

        var bucket = report.S3Bucket;
        var kms = !string.IsNullOrWhiteSpace(report.KmsKeyId);
        string encryption;
        try
        {
            var rules = (await s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false))
                .ServerSideEncryptionConfiguration?.ServerSideEncryptionRules ?? [];
            encryption = rules.Select(r => r.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value).FirstOrDefault(a => a is not null) ?? "none";
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchBucket")
        {
            return [DoctorCheckResult.Fail(Name, $"bucket {bucket} does not exist",
                $"Create the bucket (the hub stack does: deploy/cloudformation/hub.yaml) or set Report:S3Bucket to the existing one{(string.IsNullOrWhiteSpace(report.S3Region) ? string.Empty : $" in {report.S3Region}")}."),
                .. KmsRow(report, null)];
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "ServerSideEncryptionConfigurationNotFoundError")
        {
            encryption = "none (uploads set their own)";
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "AccessDenied")
        {
            encryption = "not readable (no s3:GetEncryptionConfiguration)";
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return [DoctorCheckResult.Fail(Name, $"bucket {bucket} could not be read: {DoctorText.FirstLine(ex.Message)}",
                "Check Report:S3Region and AWS_ENDPOINT_URL_S3, and that the task role may use the bucket."), .. KmsRow(report, null)];
        }

        var prefix = (report.S3Prefix ?? string.Empty).Trim('/');
        var key = (prefix.Length == 0 ? string.Empty : prefix + "/") + $"doctor-probe-{time.GetUtcNow():yyyyMMddTHHmmssZ}.txt";
        var put = new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "compliance-report doctor probe; safe to delete.\n" };
        if (kms)
        {
            put.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            put.ServerSideEncryptionKeyManagementServiceKeyId = report.KmsKeyId;
        }
        else
        {
            put.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256;
        }

        try
        {
            await s3.PutObjectAsync(put, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (kms && ex.ErrorCode.StartsWith("KMS", StringComparison.Ordinal))
        {
            return [DoctorCheckResult.Pass(Name, $"s3://{bucket} exists, default encryption {encryption}"), .. KmsRow(report, ex)];
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchBucket")
        {
            return [DoctorCheckResult.Fail(Name, $"bucket {bucket} does not exist",
                "Create the bucket (the hub stack does: deploy/cloudformation/hub.yaml) or set Report:S3Bucket to the existing one."), .. KmsRow(report, null)];
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return [DoctorCheckResult.Fail(Name, $"put of s3://{bucket}/{key} failed: {DoctorText.FirstLine(ex.Message)}",
                $"Allow the task role s3:PutObject on arn:aws:s3:::{bucket}/{(prefix.Length == 0 ? string.Empty : prefix + "/")}* (deploy/cloudformation/hub.yaml does), or set Report:S3Prefix to the allowed prefix."), .. KmsRow(report, null)];
        }

        string cleanup;
        try
        {
            await s3.DeleteObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            cleanup = "deleted";
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "AccessDenied")
        {
            cleanup = "left in place (no s3:DeleteObject; harmless)";
        }

        return [DoctorCheckResult.Pass(Name, $"s3://{bucket} exists, default encryption {encryption}; probe {key} put and {cleanup}"), .. KmsRow(report, null, putSucceeded: true)];
    }

    /// <summary>The KMS key row, when one is configured: it passed if the probe was encrypted with it.</summary>
    private static IEnumerable<DoctorCheckResult> KmsRow(S3DeliveryOptions report, AmazonS3Exception? failure, bool putSucceeded = false)
    {
        if (string.IsNullOrWhiteSpace(report.KmsKeyId))
        {
            yield break;
        }

        const string Check = "KMS key";
        if (failure is not null)
        {
            yield return DoctorCheckResult.Fail(Check, $"S3 could not encrypt with {report.KmsKeyId}: {failure.ErrorCode} {DoctorText.FirstLine(failure.Message)}",
                $"Let the task role use the key (kms:GenerateDataKey and kms:Encrypt in the key policy) or set Report:KmsKeyId to an existing key in the bucket's region.");
        }
        else if (putSucceeded)
        {
            yield return DoctorCheckResult.Pass(Check, $"the probe was encrypted with {report.KmsKeyId}");
        }
        else
        {
            yield return DoctorCheckResult.Skip(Check, "not checked: the bucket check failed");
        }
    }
}
