using Amazon.Runtime;
using ComplianceReport.Aws.Client;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Aws.Compliance;

/// <summary>How a failed AWS Config read is told on the Errors sheet, the same for every source.</summary>
internal static class ConfigReadErrors
{
    /// <summary>The region's error for <paramref name="exception"/>, or null when it is not a read failure (let it propagate).</summary>
    public static ScanError? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AwsServiceException ex => new ScanError(
            ex.IsThrottling ? ScanErrorKind.Throttled : ex.IsAccessDenied ? ScanErrorKind.AccessDenied : ScanErrorKind.AwsError,
            $"{ex.ErrorCode ?? $"HTTP {(int)ex.StatusCode}"}: {ex.Message} (request id {ex.RequestId ?? "none"})",
            ex.ErrorCode),
        AwsMalformedResponseException or AwsPaginationException or System.Text.Json.JsonException => new ScanError(ScanErrorKind.MalformedResponse, exception.Message),
        AwsRequestTimeoutException => new ScanError(ScanErrorKind.Timeout, exception.Message),
        AmazonClientException or HttpRequestException or IOException => new ScanError(ScanErrorKind.AwsError, $"AWS Config could not be reached: {exception.Message}"),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new ScanError(ScanErrorKind.Timeout, "an AWS Config call timed out"),
        _ => null,
    };
}
