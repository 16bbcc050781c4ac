using Microsoft.Extensions.Logging;

namespace ComplianceReport.Delivery.S3;

internal static partial class S3DeliveryLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Run {RunId}: uploaded the workbook ({SizeBytes} bytes) to s3://{Bucket}/{Key}")]
    public static partial void Uploaded(ILogger logger, string runId, long sizeBytes, string bucket, string key);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "Run {RunId}: S3 delivery to s3://{Bucket}/{Key} failed: {Error}")]
    public static partial void UploadFailed(ILogger logger, string runId, string bucket, string key, string error);
}
