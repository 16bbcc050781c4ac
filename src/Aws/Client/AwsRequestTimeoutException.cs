namespace ComplianceReport.Aws.Client;

/// <summary>An AWS call whose last attempt got no answer within <c>Aws:RequestTimeout</c>, after the SDK's retries.</summary>
public sealed class AwsRequestTimeoutException : Exception
{
    /// <param name="timeout">The per-attempt timeout; null when the SDK's own default applied.</param>
    public AwsRequestTimeoutException(string serviceId, string operation, TimeSpan? timeout, int attempts, Exception innerException)
        : base(
            $"{serviceId} {operation} got no answer within {(timeout is { } t ? $"{t.TotalSeconds:0.###} s (Aws:RequestTimeout)" : "the SDK's default timeout")} on its last of {attempts} attempts",
            innerException)
    {
        ServiceId = serviceId;
        Operation = operation;
        Timeout = timeout;
    }

    public string ServiceId { get; }

    public string Operation { get; }

    public TimeSpan? Timeout { get; }
}
