using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// A generic AWS JSON 1.1 client on AWSSDK.Core: the SDK signs (SigV4, session token included),
/// retries (standard mode: throttling and 5xx with back-off) and refreshes credentials; this class
/// only turns operation name + request object into the wire call and the body back into an object.
/// </summary>
public sealed class AwsJsonClient : AmazonServiceClient
{
    private readonly AwsJsonServiceMetadata _metadata;

    public AwsJsonClient(AWSCredentials credentials, AwsJsonClientSettings settings)
        : base(credentials, new AwsJsonClientConfig(settings))
    {
        Service = settings.Service;
        _metadata = new AwsJsonServiceMetadata(settings.Service.ServiceId);
    }

    public AwsJsonService Service { get; }

    protected override IServiceMetadata ServiceMetadata => _metadata;

    /// <summary>Calls <paramref name="operation"/> with <paramref name="request"/> serialized as the JSON body.</summary>
    /// <exception cref="AwsServiceException">AWS answered with an error (after the SDK's retries).</exception>
    /// <exception cref="AwsMalformedResponseException">The answer could not be read.</exception>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options);
        var options = new InvokeOptions
        {
            RequestMarshaller = new AwsJsonMarshaller(Service),
            ResponseUnmarshaller = AwsJsonResponseUnmarshaller<TResponse>.Instance,
        };
        var response = await InvokeAsync<AwsJsonResponse<TResponse>>(new AwsJsonRequest(operation, payload), options, cancellationToken)
            .ConfigureAwait(false);
        if (response.MalformedReason is not null || response.Value is null)
        {
            throw new AwsMalformedResponseException(
                Service.ServiceId,
                operation,
                response.ResponseMetadata?.RequestId,
                response.HttpStatusCode,
                response.MalformedReason ?? "no body");
        }

        return response.Value;
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AwsJsonEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
    }
}
