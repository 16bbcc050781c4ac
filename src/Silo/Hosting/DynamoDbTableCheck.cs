using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ComplianceReport.DynamoDb;
using ComplianceReport.Grains.Interfaces.Hosting;

namespace ComplianceReport.Silo.Hosting;

/// <summary>
/// With <c>Cluster:CreateTables=false</c> (production: the stack owns the tables) a missing table is
/// a deployment mistake; say which one and which keys fix it, before Orleans fails with a stack trace.
/// </summary>
public static class DynamoDbTableCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task EnsureTablesExistAsync(ClusterSettings cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.CreateTables || (cluster.Clustering != ClusteringMode.DynamoDB && cluster.Storage != StorageMode.DynamoDB))
        {
            return;
        }

        var tables = DynamoDbTableNames.For(cluster.TablePrefix);
        var needed = new List<string>();
        if (cluster.Clustering == ClusteringMode.DynamoDB)
        {
            needed.Add(tables.Membership);
        }

        if (cluster.Storage == StorageMode.DynamoDB)
        {
            needed.AddRange([tables.GrainState, tables.Reminders]);
        }

        // The providers' own client: endpoint and credentials from the SDK's standard chain.
        using var client = new AmazonDynamoDBClient(new AmazonDynamoDBConfig());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        foreach (var table in needed)
        {
            try
            {
                await client.DescribeTableAsync(new DescribeTableRequest { TableName = table }, timeout.Token);
            }
            catch (ResourceNotFoundException)
            {
                throw new ConfigurationErrorException(
                    $"DynamoDB table '{table}' does not exist and Cluster:CreateTables is false: deploy the hub stack, " +
                    $"set Cluster:TablePrefix to the deployed tables' prefix (now '{cluster.TablePrefix}'), or set Cluster:CreateTables=true to create them.");
            }
            catch (Exception ex) when ((ex is AmazonDynamoDBException or Amazon.Runtime.AmazonClientException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                // Unreachable or not allowed: the providers retry and report that themselves.
                return;
            }
        }
    }
}
