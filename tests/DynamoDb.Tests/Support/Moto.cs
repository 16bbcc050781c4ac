using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ComplianceReport.DynamoDb.Options;

namespace ComplianceReport.DynamoDb.Tests.Support;

/// <summary>Points provider options and a raw SDK client at the test's moto_server.</summary>
internal static class Moto
{
    public const string Region = "us-east-1";

    public static void Apply(DynamoDbTableOptions options, string endpoint, string tableName)
    {
        options.TableName = tableName;
        options.ServiceUrl = endpoint;
        options.Region = Region;
        options.CreateIfNotExists = true;
        options.AccessKeyId = "testing";
        options.SecretAccessKey = "testing";
    }

    public static AmazonDynamoDBClient Client(string endpoint) =>
        new(new BasicAWSCredentials("testing", "testing"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = Region });

    /// <summary>Every item of a table, to check what a provider left behind.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string endpoint, string tableName)
    {
        using var client = Client(endpoint);
        var items = new List<Dictionary<string, AttributeValue>>();
        var request = new ScanRequest { TableName = tableName };
        do
        {
            var response = await client.ScanAsync(request);
            items.AddRange(response.Items ?? []);
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return items;
    }
}
