using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace ComplianceReport.Aws.Client;

/// <summary>The service URL when one is configured, otherwise the public regional endpoint.</summary>
internal sealed class AwsJsonEndpointProvider(AwsJsonService service) : IEndpointProvider
{
    public static EndpointParameters ParametersFor(IClientConfig config)
    {
        var parameters = new EndpointParameters();
        parameters["Region"] = config.RegionEndpoint?.SystemName ?? config.AuthenticationRegion;
        parameters["Endpoint"] = config.ServiceURL;
        return parameters;
    }

    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        if (parameters["Endpoint"] is string url && url.Length > 0)
        {
            return new Endpoint(url);
        }

        var region = parameters["Region"] as string
            ?? throw new AmazonClientException($"No region or service URL configured for {service.ServiceId}.");
        return new Endpoint($"https://{service.EndpointPrefix}.{service.SigningRegion ?? region}.amazonaws.com");
    }
}
