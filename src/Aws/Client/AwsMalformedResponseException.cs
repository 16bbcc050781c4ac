using System.Net;

namespace ComplianceReport.Aws.Client;

/// <summary>An AWS answer that could not be read: not JSON, truncated, or not the modelled shape.</summary>
public sealed class AwsMalformedResponseException : Exception
{
    public AwsMalformedResponseException(string serviceId, string operation, string? requestId, HttpStatusCode statusCode, string reason)
        : base($"{serviceId} {operation} returned an unreadable response (HTTP {(int)statusCode}, request id {requestId ?? "none"}): {reason}")
    {
        ServiceId = serviceId;
        Operation = operation;
        RequestId = requestId;
        StatusCode = statusCode;
    }

    public string ServiceId { get; }

    public string Operation { get; }

    public string? RequestId { get; }

    public HttpStatusCode StatusCode { get; }
}
