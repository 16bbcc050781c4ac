using System.Net;
using Amazon.Runtime;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// An error answer from an AWS service: keeps the AWS error code (without the <c>…#</c> prefix),
/// message, HTTP status and request id. Derives from the SDK's exception so that the standard
/// retry mode recognises throttling codes and 5xx statuses.
/// </summary>
public sealed class AwsServiceException : AmazonServiceException
{
    public AwsServiceException(string message, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }

    /// <summary>True for the codes AWS uses when a caller goes too fast.</summary>
    public bool IsThrottling => ErrorCode is "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "RequestLimitExceeded";

    /// <summary>True when AWS refused the caller's permissions.</summary>
    public bool IsAccessDenied => ErrorCode is "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation";
}
