namespace ComplianceReport.Delivery.S3;

/// <summary>Where and how the workbook is stored in S3 (configuration section <c>Report</c>).</summary>
public sealed class S3DeliveryOptions
{
    public const string SectionName = "Report";

    /// <summary>SigV4 presigned URLs are valid for at most seven days.</summary>
    public static readonly TimeSpan MaxPresignedUrlLifetime = TimeSpan.FromDays(7);

    /// <summary>S3 rejects multipart parts under 5 MiB (except the last).</summary>
    public const long MinMultipartThresholdBytes = 5L * 1024 * 1024;

    /// <summary>The report bucket. Empty: S3 delivery is off and the sink is not registered.</summary>
    public string S3Bucket { get; set; } = string.Empty;

    /// <summary>Key prefix without leading or trailing slash; empty puts the year folders at the bucket root.</summary>
    public string S3Prefix { get; set; } = "compliance-reports";

    /// <summary>The bucket's region, for example <c>eu-west-1</c>; empty takes AWS_REGION (set on ECS).</summary>
    public string? S3Region { get; set; }

    /// <summary>KMS key id or ARN for SSE-KMS; empty uses SSE-S3 (AES256).</summary>
    public string? KmsKeyId { get; set; }

    public TimeSpan PresignedUrlLifetime { get; set; } = MaxPresignedUrlLifetime;

    /// <summary>Files at least this large go up as multipart uploads, in parts of this size.</summary>
    public long MultipartThresholdBytes { get; set; } = 16L * 1024 * 1024;
}
