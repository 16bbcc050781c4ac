using ComplianceReport.DynamoDb;
using ComplianceReport.DynamoDb.Hosting;
using ComplianceReport.Grains;
using ComplianceReport.Grains.Interfaces.Serialization;
using ComplianceReport.Grains.Interfaces.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace ComplianceReport.Silo.Hosting;

public static class OrleansSiloExtensions
{
    /// <summary>Grain calls that scan a throttled account can take minutes; 30 s (Orleans' default) is too short.</summary>
    public static readonly TimeSpan GrainCallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Clustering, storage, reminders and serialization of a ComplianceReport silo.</summary>
    public static ISiloBuilder ConfigureComplianceSilo(this ISiloBuilder silo, ClusterSettings cluster)
    {
        var tables = DynamoDbTableNames.For(string.IsNullOrWhiteSpace(cluster.TablePrefix) ? "compliance-report" : cluster.TablePrefix);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });

        if (cluster.Clustering == ClusteringMode.DynamoDB)
        {
            silo.UseDynamoDbClustering(o =>
            {
                o.TableName = tables.Membership;
                o.CreateIfNotExists = cluster.CreateTables;
            });
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        if (cluster.Storage == StorageMode.DynamoDB)
        {
            silo.AddDynamoDbGrainStorage(GrainStorageNames.Compliance, o =>
            {
                o.TableName = tables.GrainState;
                o.CreateIfNotExists = cluster.CreateTables;
            });
            silo.UseDynamoDbReminderService(o =>
            {
                o.TableName = tables.Reminders;
                o.CreateIfNotExists = cluster.CreateTables;
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(GrainStorageNames.Compliance);
            silo.UseInMemoryReminderService();
        }

        silo.Services.AddSerializer(s => s.AddComplianceModel());
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = GrainCallTimeout);
        silo.AddActivityPropagation();
        return silo;
    }
}
