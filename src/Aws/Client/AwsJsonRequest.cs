using Amazon.Runtime;

namespace ComplianceReport.Aws.Client;

/// <summary>One operation call: its name and the already serialized JSON body.</summary>
/// <param name="PacedAttempt">
/// 0 when the SDK alone retries the call; otherwise the caller's attempt number (1 for the first):
/// the caller paces the call and retries throttling itself.
/// </param>
internal sealed class AwsJsonRequest(string operation, byte[] payload, int pacedAttempt) : AmazonWebServiceRequest
{
    public string Operation { get; } = operation;

    public byte[] Payload { get; } = payload;

    public int PacedAttempt { get; } = pacedAttempt;
}
