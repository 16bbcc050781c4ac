using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ComplianceReport.DynamoDb.Options;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.DynamoDb.Tables;

/// <summary>
/// Makes sure a provider's table exists before the provider serves: creates it when allowed
/// (pay-per-request, string hash and range keys) and waits until it is ACTIVE.
/// </summary>
internal static partial class DynamoDbTable
{
    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task EnsureAsync(
        IAmazonDynamoDB client,
        DynamoDbTableOptions options,
        string hashKey,
        string rangeKey,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var status = await DescribeStatusAsync(client, options.TableName, cancellationToken);
        if (status is null)
        {
            if (!options.CreateIfNotExists)
            {
                throw new InvalidOperationException(
                    $"DynamoDB table '{options.TableName}' ({options.Section}:TableName) does not exist. " +
                    "Create it with the deployment, or set CreateIfNotExists for development.");
            }

            await CreateAsync(client, options.TableName, hashKey, rangeKey, logger, cancellationToken);
        }

        await WaitUntilActiveAsync(client, options.TableName, cancellationToken);
    }

    private static async Task CreateAsync(
        IAmazonDynamoDB client,
        string tableName,
        string hashKey,
        string rangeKey,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateTableAsync(
                new CreateTableRequest
                {
                    TableName = tableName,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    KeySchema =
                    [
                        new KeySchemaElement(hashKey, KeyType.HASH),
                        new KeySchemaElement(rangeKey, KeyType.RANGE),
                    ],
                    AttributeDefinitions =
                    [
                        new AttributeDefinition(hashKey, ScalarAttributeType.S),
                        new AttributeDefinition(rangeKey, ScalarAttributeType.S),
                    ],
                },
                cancellationToken);
            LogTableCreated(logger, tableName);
        }
        catch (ResourceInUseException)
        {
            // Another silo created it at the same moment; waiting for ACTIVE covers both.
        }
    }

    private static async Task WaitUntilActiveAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ActiveTimeout;
        while (true)
        {
            var status = await DescribeStatusAsync(client, tableName, cancellationToken);
            if (status == TableStatus.ACTIVE)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"DynamoDB table '{tableName}' did not become ACTIVE within {ActiveTimeout} (status: {status?.Value ?? "missing"}).");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task<TableStatus?> DescribeStatusAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken);
            return response.Table.TableStatus;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created DynamoDB table {TableName} (pay-per-request)")]
    private static partial void LogTableCreated(ILogger logger, string tableName);
}
