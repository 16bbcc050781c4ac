using Amazon.Runtime;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// The SDK-side carrier of a parsed body. An unreadable body is reported here rather than thrown
/// inside the pipeline, so it surfaces as <see cref="AwsMalformedResponseException"/>, not as a retry.
/// </summary>
internal sealed class AwsJsonResponse<T> : AmazonWebServiceResponse
{
    public T? Value { get; init; }

    public string? MalformedReason { get; init; }
}
