using Amazon.Runtime;
using Amazon.SecurityToken;
using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.Compliance;
using ComplianceReport.Aws.Discovery;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Hosting;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the AWS adapters behind the ports <see cref="IOrganizationDiscovery"/>,
    /// <see cref="IAccountTagReader"/> (Organizations ListTagsForResource with the list-org role)
    /// and <see cref="IComplianceReader"/> (the AssumeRole or the Aggregator source, by <c>Organization:Source</c>), with the options
    /// <c>Organization</c>, <c>Scan</c> and <c>Aws</c> validated at start.
    /// Hub credentials: an <see cref="AWSCredentials"/> registered in the container wins (tests, demo);
    /// otherwise the AWS default chain (on ECS the task role). Endpoints: <c>Aws:ServiceUrl</c>,
    /// then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then AWS.
    /// </summary>
    public static IServiceCollection AddAwsAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrganizationOptions>().Bind(configuration.GetSection(OrganizationOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ScanOptions>().Bind(configuration.GetSection(ScanOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AwsOptions>().Bind(configuration.GetSection(AwsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrganizationOptions>, OrganizationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScanOptions>, ScanOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonSecurityTokenService>(CreateStsClient);
        services.TryAddSingleton<AwsClientFactory>();
        services.TryAddSingleton<RequestRateLimiter>();
        services.TryAddSingleton<AccountSessionFactory>();
        services.TryAddSingleton<IOrganizationDiscovery, OrganizationDiscovery>();
        services.TryAddSingleton<IAccountTagReader, AccountTagReader>();
        services.TryAddSingleton<ConfigComplianceReader>();
        services.TryAddSingleton<AggregatorComplianceReader>();
        services.TryAddSingleton<IComplianceReader>(sp =>
            sp.GetRequiredService<IOptions<OrganizationOptions>>().Value.Source == ComplianceSource.Aggregator
                ? sp.GetRequiredService<AggregatorComplianceReader>()
                : sp.GetRequiredService<ConfigComplianceReader>());
        return services;
    }

    private static AmazonSecurityTokenServiceClient CreateStsClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AwsOptions>>().Value;
        var region = options.ResolveRegion();
        var config = new AmazonSecurityTokenServiceConfig
        {
            MaxErrorRetry = options.MaxErrorRetry,
            Timeout = options.RequestTimeout,

            // As for Config and Organizations: no process-wide retry quota shared by every account.
            ThrottleRetries = false,
        };
        if (AwsEndpointOverrides.Resolve(options.ServiceUrl, "STS") is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }

        var hub = services.GetService<AWSCredentials>();
        return hub is null ? new AmazonSecurityTokenServiceClient(config) : new AmazonSecurityTokenServiceClient(hub, config);
    }
}
