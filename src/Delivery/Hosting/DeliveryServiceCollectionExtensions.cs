using Amazon;
using Amazon.S3;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.Exceptions;
using ComplianceReport.Delivery.Jira;
using ComplianceReport.Delivery.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Hosting;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the S3 sink when <c>Report:S3Bucket</c> is set and the Jira sink when
    /// <c>Jira:BaseUrl</c> is set or <c>Jira:DryRun</c> is true, as <see cref="IReportSink"/>s. A
    /// sink that is off is not registered at all, so the report runs only the sinks that can work.
    /// Both option sets are validated at start.
    /// </summary>
    public static IServiceCollection AddReportDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);

        var s3Section = configuration.GetSection(S3DeliveryOptions.SectionName);
        services.AddOptions<S3DeliveryOptions>().Bind(s3Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3DeliveryOptions>, S3DeliveryOptionsValidator>());

        var jiraSection = configuration.GetSection(JiraOptions.SectionName);
        services.AddOptions<JiraOptions>().Bind(jiraSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JiraOptions>, JiraOptionsValidator>());

        services.TryAddSingleton<IExceptionsFileSource, ExceptionsFileSource>();

        // Built on first use: by the S3 sink, or to read an exceptions file from s3:// without a report bucket.
        services.TryAddSingleton<IAmazonS3>(sp => CreateS3Client(sp.GetRequiredService<IOptions<S3DeliveryOptions>>().Value));
        var s3 = s3Section.Get<S3DeliveryOptions>() ?? new S3DeliveryOptions();
        if (!string.IsNullOrWhiteSpace(s3.S3Bucket))
        {
            services.AddSingleton<IReportSink, S3ReportSink>();
        }

        var jira = jiraSection.Get<JiraOptions>() ?? new JiraOptions();
        if (jira.Enabled)
        {
            // Transient like the typed client itself, so the factory can rotate HTTP handlers.
            services.TryAddSingleton<JiraIssueMemory>();
            var jiraHttp = services.AddHttpClient<JiraReportSink>();
            jiraHttp.AddResilienceHandler("jira", (builder, context) => JiraResilience.AddRetryAndCircuitBreaker(
                    builder,
                    context.ServiceProvider.GetRequiredService<IOptions<JiraOptions>>().Value,
                    context.ServiceProvider.GetRequiredService<TimeProvider>(),
                    context.ServiceProvider.GetRequiredService<ILogger<JiraReportSink>>()));
            jiraHttp.AddResilienceHandler("jira-attempt", (builder, context) => JiraResilience.AddAttemptTimeout(
                    builder,
                    context.ServiceProvider.GetRequiredService<IOptions<JiraOptions>>().Value));

            // The attempt timeout above bounds each request; the client's own must not cut retries short.
            services.Configure<HttpClientFactoryOptions>(nameof(JiraReportSink), o => o.HttpClientActions.Add(c => c.Timeout = Timeout.InfiniteTimeSpan));
            services.AddTransient<IReportSink>(sp => sp.GetRequiredService<JiraReportSink>());
        }

        return services;
    }

    /// <summary>
    /// Region and credentials come from the SDK's default chains. AWSSDK.S3 4.1.0 shows
    /// AWS_ENDPOINT_URL_S3 in ServiceURL, yet (seen against moto) still sends to
    /// s3.&lt;region&gt;.amazonaws.com when the region comes from the environment, unless ServiceURL is
    /// assigned explicitly; so we assign it. A custom endpoint (moto, MinIO) needs path-style
    /// addressing because bucket host names do not resolve there.
    /// </summary>
    internal static AmazonS3Client CreateS3Client(S3DeliveryOptions options)
    {
        var config = new AmazonS3Config();
        if (!string.IsNullOrWhiteSpace(options.S3Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.S3Region);
        }

        var endpoint = new[] { "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL" }
            .Select(Environment.GetEnvironmentVariable)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            if (!string.IsNullOrWhiteSpace(options.S3Region))
            {
                // A custom endpoint URL need not name its region; sign for the configured one.
                config.AuthenticationRegion = options.S3Region;
            }
        }

        if (!string.IsNullOrEmpty(config.ServiceURL))
        {
            config.ForcePathStyle = true;
        }

        return new AmazonS3Client(config);
    }
}
