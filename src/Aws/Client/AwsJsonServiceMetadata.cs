using Amazon.Runtime.Internal;

namespace ComplianceReport.Aws.Client;

internal sealed class AwsJsonServiceMetadata(string serviceId) : IServiceMetadata
{
    public string ServiceId { get; } = serviceId;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}
