using ComplianceReport.DynamoDb;
using ComplianceReport.DynamoDb.Hosting;
using ComplianceReport.Grains.Interfaces.Hosting;
using ComplianceReport.Grains.Interfaces.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

namespace ComplianceReport.Client.Cluster;

/// <summary>Connects to the cluster the silos form, found through the same <c>Cluster</c> keys.</summary>
public static class ClusterClientFactory
{
    /// <summary>Long enough for a rescan of a heavily throttled account.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(10);

    private const int ConnectAttempts = 2;

    public static IHost Build(IConfiguration configuration)
    {
        var cluster = configuration.GetSection("Cluster").Get<ClusterSettings>() ?? new ClusterSettings();
        var errors = cluster.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            if (cluster.Clustering == ClusteringMode.DynamoDB)
            {
                client.UseDynamoDbClustering(o => o.TableName = DynamoDbTableNames.For(cluster.TablePrefix).Membership);
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }

            client.Services.AddSerializer(s => s.AddComplianceModel());

            // A CLI should say at once that no silo answers, not retry forever.
            var attempts = 0;
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                if (++attempts > ConnectAttempts)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
            client.AddActivityPropagation();
        });
        return builder.Build();
    }
}
