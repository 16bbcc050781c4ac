using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace ComplianceReport.Aws.Client;

/// <summary>Pipeline step that asks <see cref="AwsJsonEndpointProvider"/> where to send each request.</summary>
internal sealed class AwsJsonEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
        AwsJsonEndpointProvider.ParametersFor(requestContext.ClientConfig);
}
