using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// The SDK configuration of a hand-written JSON 1.1 client. Standard retry mode gives the SDK's
/// throttling and 5xx back-off; the signing name and region come from the service model.
/// </summary>
internal sealed class AwsJsonClientConfig : ClientConfig
{
    private static readonly IDefaultConfiguration[] Modes =
        Enum.GetValues<DefaultConfigurationMode>()
            .Select(mode => (IDefaultConfiguration)new DefaultConfiguration
            {
                Name = mode,
                RetryMode = RequestRetryMode.Standard,
                S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
                ConnectTimeout = TimeSpan.FromSeconds(5),
            })
            .ToArray();

    public AwsJsonClientConfig(AwsJsonClientSettings settings)
        : base(new DefaultConfigurationProvider(Modes))
    {
        Service = settings.Service;
        ServiceId = settings.Service.ServiceId;
        AuthenticationServiceName = settings.Service.SigningName;
        EndpointProvider = new AwsJsonEndpointProvider(settings.Service);
        RetryMode = RequestRetryMode.Standard;
        MaxErrorRetry = settings.MaxErrorRetry;

        // The SDK's retry quota is one bucket per endpoint for the whole process: a burst of timeouts
        // or 5xx in a few accounts would stop retries for every other account of the region. Retries
        // stay bounded per call by MaxErrorRetry, and our per-account limiter shapes the rate.
        ThrottleRetries = false;
        if (settings.RequestTimeout is { } timeout)
        {
            Timeout = timeout;
        }

        // The override settings are resolved by AwsEndpointOverrides; the SDK must not apply its own on top.
        IgnoreConfiguredEndpointUrls = true;
        if (settings.ServiceUrl is not null)
        {
            ServiceURL = settings.ServiceUrl;
        }
        else
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        // Set after ServiceURL/RegionEndpoint: the SDK clears one when the other is set.
        AuthenticationRegion = settings.Service.SigningRegion ?? settings.Region;
    }

    public AwsJsonService Service { get; }

    public override string ServiceVersion => Service.ApiVersion;

    public override string UserAgent => $"compliance-report/1.0 {Service.EndpointPrefix}";

    public override string RegionEndpointServiceName => Service.EndpointPrefix;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        EndpointProvider.ResolveEndpoint(AwsJsonEndpointProvider.ParametersFor(this));
}
