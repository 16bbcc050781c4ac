using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ComplianceReport.DynamoDb;
using ComplianceReport.Grains.Interfaces.Hosting;
using Microsoft.Extensions.Configuration;

namespace ComplianceReport.Client.Doctor;

/// <summary>The DynamoDB tables the silos' clustering and storage use exist and are ACTIVE.</summary>
public sealed class DynamoDbTablesCheck(IAmazonDynamoDB dynamoDb, IConfiguration configuration) : IDoctorCheck
{
    public string Name => "DynamoDB tables";

    public async Task<IReadOnlyList<DoctorCheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var cluster = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        if (cluster.Clustering != ClusteringMode.DynamoDB && cluster.Storage != StorageMode.DynamoDB)
        {
            return [DoctorCheckResult.Skip(Name, "not used (Cluster:Clustering and Cluster:Storage are not DynamoDB)")];
        }

        var names = DynamoDbTableNames.For(cluster.TablePrefix);
        var needed = new List<string>();
        if (cluster.Clustering == ClusteringMode.DynamoDB)
        {
            needed.Add(names.Membership);
        }

        if (cluster.Storage == StorageMode.DynamoDB)
        {
            needed.AddRange([names.GrainState, names.Reminders]);
        }

        var missing = new List<string>();
        try
        {
            foreach (var table in needed)
            {
                try
                {
                    var described = await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken).ConfigureAwait(false);
                    if (described.Table.TableStatus != TableStatus.ACTIVE)
                    {
                        missing.Add($"{table} ({described.Table.TableStatus})");
                    }
                }
                catch (ResourceNotFoundException)
                {
                    missing.Add(table);
                }
            }
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return [DoctorCheckResult.Fail(Name, $"DynamoDB could not be read: {DoctorText.FirstLine(ex.Message)}",
                "Allow the task role dynamodb:DescribeTable on its tables (deploy/cloudformation/hub.yaml does) and check AWS_REGION / AWS_ENDPOINT_URL_DYNAMODB.")];
        }

        return missing.Count == 0
            ? [DoctorCheckResult.Pass(Name, string.Join(", ", needed) + " active")]
            : [DoctorCheckResult.Fail(Name, "missing or not active: " + string.Join(", ", missing),
                $"Deploy deploy/cloudformation/hub.yaml (it creates them), or set Cluster:TablePrefix to the deployed tables' prefix (now '{cluster.TablePrefix}').")];
    }
}
