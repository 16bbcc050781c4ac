using Amazon.DynamoDBv2;
using Amazon.S3;
using ComplianceReport.Aws.Hosting;
using ComplianceReport.Delivery.Hosting;
using ComplianceReport.Delivery.Jira;
using ComplianceReport.Delivery.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Client.Doctor;

/// <summary>
/// The adapters the silo uses (STS sessions, Organizations and Config clients, the rate limiter,
/// the S3 client, the DynamoDB client), built from the same configuration keys, so doctor tests
/// exactly what the weekly run will do.
/// </summary>
public static class DoctorServices
{
    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddAwsAdapters(configuration);
        services.AddOptions<S3DeliveryOptions>().Bind(configuration.GetSection(S3DeliveryOptions.SectionName));
        services.AddOptions<JiraOptions>().Bind(configuration.GetSection(JiraOptions.SectionName));
        services.AddSingleton<IAmazonS3>(sp => DeliveryServiceCollectionExtensions.CreateS3Client(sp.GetRequiredService<IOptions<S3DeliveryOptions>>().Value));

        // The providers' own client: endpoint and credentials from the SDK's standard chain.
        services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(new AmazonDynamoDBConfig()));
        services.AddSingleton(sp => new HttpClient { Timeout = sp.GetRequiredService<IOptions<JiraOptions>>().Value.RequestTimeout });

        // The order: identity, organization, accounts, bucket (and key), Jira, tables.
        services.AddSingleton<IDoctorCheck, HubIdentityCheck>();
        services.AddSingleton<IDoctorCheck, OrganizationCheck>();
        services.AddSingleton<IDoctorCheck, ReadRoleCheck>();
        services.AddSingleton<IDoctorCheck, S3BucketCheck>();
        services.AddSingleton<IDoctorCheck, JiraCheck>();
        services.AddSingleton<IDoctorCheck, DynamoDbTablesCheck>();
        services.AddSingleton<DoctorRunner>();
        return services.BuildServiceProvider();
    }
}
