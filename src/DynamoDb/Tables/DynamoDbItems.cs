using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ComplianceReport.DynamoDb.Tables;

/// <summary>Paged queries and batched writes with the retries DynamoDB asks callers to do.</summary>
internal static class DynamoDbItems
{
    // BatchWriteItem takes at most 25 requests.
    private const int MaxBatchSize = 25;
    private static readonly TimeSpan UnprocessedBackoff = TimeSpan.FromMilliseconds(50);

    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(
        IAmazonDynamoDB client,
        QueryRequest request,
        CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            if (response.Items is not null)
            {
                items.AddRange(response.Items);
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return items;
    }

    public static Task DeleteAllAsync(
        IAmazonDynamoDB client,
        string tableName,
        IEnumerable<Dictionary<string, AttributeValue>> keys,
        CancellationToken cancellationToken) =>
        WriteAllAsync(client, tableName, keys.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = k } }), cancellationToken);

    public static Task PutAllAsync(
        IAmazonDynamoDB client,
        string tableName,
        IEnumerable<Dictionary<string, AttributeValue>> items,
        CancellationToken cancellationToken) =>
        WriteAllAsync(client, tableName, items.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }), cancellationToken);

    private static async Task WriteAllAsync(
        IAmazonDynamoDB client,
        string tableName,
        IEnumerable<WriteRequest> requests,
        CancellationToken cancellationToken)
    {
        foreach (var batch in requests.Chunk(MaxBatchSize))
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [tableName] = [.. batch] };
            var attempt = 0;
            while (pending.Count > 0)
            {
                if (attempt > 0)
                {
                    await Task.Delay(UnprocessedBackoff * Math.Min(attempt, 20), cancellationToken);
                }

                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                pending = response.UnprocessedItems is { Count: > 0 } unprocessed ? unprocessed : [];
                attempt++;
            }
        }
    }
}
