using Amazon.Runtime;
using ComplianceReport.Aws.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Client;

/// <summary>Makes Organizations and Config clients that send where <c>Aws:ServiceUrl</c> or the environment says.</summary>
public sealed class AwsClientFactory(IOptions<AwsOptions> options)
{
    private readonly AwsOptions _options = options.Value;

    /// <summary>Organizations is a global service: requests go to us-east-1.</summary>
    public AwsJsonClient CreateOrganizations(AWSCredentials credentials) => Create(AwsJsonService.Organizations, credentials, "us-east-1");

    public AwsJsonClient CreateConfig(AWSCredentials credentials, string region) => Create(AwsJsonService.Config, credentials, region);

    private AwsJsonClient Create(AwsJsonService service, AWSCredentials credentials, string region) =>
        new(credentials, new AwsJsonClientSettings(
            service,
            region,
            AwsEndpointOverrides.Resolve(_options.ServiceUrl, service.EnvironmentSuffix),
            _options.MaxErrorRetry,
            _options.RequestTimeout));
}
