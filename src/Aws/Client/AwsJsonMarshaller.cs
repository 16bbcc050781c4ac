using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace ComplianceReport.Aws.Client;

/// <summary>Turns an <see cref="AwsJsonRequest"/> into the JSON 1.1 wire request: POST / with X-Amz-Target.</summary>
internal sealed class AwsJsonMarshaller(AwsJsonService service) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var call = (AwsJsonRequest)input;
        var request = new DefaultRequest(call, service.ServiceId)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
            Content = call.Payload,
        };
        request.Headers["X-Amz-Target"] = service.TargetOf(call.Operation);
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers["X-Amz-Api-Version"] = service.ApiVersion;
        return request;
    }
}
