using Amazon.Runtime;

namespace ComplianceReport.Aws.Client;

/// <summary>One operation call: its name and the already serialized JSON body.</summary>
internal sealed class AwsJsonRequest(string operation, byte[] payload) : AmazonWebServiceRequest
{
    public string Operation { get; } = operation;

    public byte[] Payload { get; } = payload;
}
