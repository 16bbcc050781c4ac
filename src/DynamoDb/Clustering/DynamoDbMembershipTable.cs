using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ComplianceReport.DynamoDb.Options;
using ComplianceReport.DynamoDb.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace ComplianceReport.DynamoDb.Clustering;

/// <summary>
/// Orleans membership on DynamoDB. Every insert or update is one TransactWriteItems that writes
/// the silo item and moves the version item forward, both conditional: the version item on the
/// etag the caller read, the silo item on its own etag (update) or its absence (insert).
/// </summary>
public sealed partial class DynamoDbMembershipTable : IMembershipTable, IDisposable
{
    // A torn read (a silo item newer than the version item) is retried this often before failing.
    private const int MaxReadAttempts = 10;
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string TransactionConflict = "TransactionConflict";

    private readonly DynamoDbClusteringOptions _options;
    private readonly string _clusterId;
    private readonly ILogger<DynamoDbMembershipTable> _logger;
    private readonly AmazonDynamoDBClient _client;

    public DynamoDbMembershipTable(
        IOptions<DynamoDbClusteringOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        ILogger<DynamoDbMembershipTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId;
        _logger = logger;
        _client = DynamoDbClientFactory.Create(_options);
    }

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await DynamoDbTable.EnsureAsync(_client, _options, MembershipItem.ClusterId, MembershipItem.SiloId, _logger, CancellationToken.None);
        if (!tryInitTableVersion)
        {
            return;
        }

        var versionItem = MembershipItem.Key(_clusterId, MembershipItem.VersionRowId);
        versionItem[MembershipItem.Version] = Attr.N(0);
        versionItem[MembershipItem.ETag] = Attr.N(0);
        try
        {
            await _client.PutItemAsync(new PutItemRequest
            {
                TableName = _options.TableName,
                Item = versionItem,
                ConditionExpression = "attribute_not_exists(#s)",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = MembershipItem.SiloId },
            });
            LogVersionRowCreated(_logger, _clusterId, _options.TableName);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another silo of the cluster wrote it first: the row is there, which is all we need.
        }
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        var items = await QueryClusterAsync(clusterId, keysOnly: true);
        await DynamoDbItems.DeleteAllAsync(_client, _options.TableName, items, CancellationToken.None);
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        var items = await QueryClusterAsync(_clusterId, keysOnly: false);
        var defunct = items
            .Where(i => i.GetS(MembershipItem.SiloId) != MembershipItem.VersionRowId)
            .Where(i => i.GetN(MembershipItem.Status) == (int)SiloStatus.Dead)
            .Where(i => new DateTimeOffset(i.GetTime(MembershipItem.IAmAliveTime), TimeSpan.Zero) < beforeDate)
            .Select(i => MembershipItem.Key(_clusterId, i.GetS(MembershipItem.SiloId)!))
            .ToList();
        await DynamoDbItems.DeleteAllAsync(_client, _options.TableName, defunct, CancellationToken.None);
        if (defunct.Count > 0)
        {
            LogDefunctRemoved(_logger, defunct.Count, _clusterId);
        }
    }

    public async Task<MembershipTableData> ReadRow(SiloAddress key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // One transactional read, so the silo item and the version item are from the same moment.
        var response = await _client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems =
            [
                new TransactGetItem { Get = new Get { TableName = _options.TableName, Key = MembershipItem.Key(_clusterId, MembershipItem.IdOf(key)) } },
                new TransactGetItem { Get = new Get { TableName = _options.TableName, Key = MembershipItem.Key(_clusterId, MembershipItem.VersionRowId) } },
            ],
        });
        var items = response.Responses?
            .Select(r => r.Item)
            .Where(i => i is { Count: > 0 })
            .ToList() ?? [];
        return ToTableData(items);
    }

    public async Task<MembershipTableData> ReadAll()
    {
        for (var attempt = 1; ; attempt++)
        {
            var items = await QueryClusterAsync(_clusterId, keysOnly: false);
            var versionItem = items.FirstOrDefault(i => i.GetS(MembershipItem.SiloId) == MembershipItem.VersionRowId);
            var version = versionItem?.GetN(MembershipItem.Version) ?? 0;

            // A query is not a snapshot: it can see a silo item from a transaction whose version
            // item it read before. Read again rather than hand out a version that is too old.
            if (!items.Any(i => i.GetN(MembershipItem.MembershipVersion) > version) || attempt >= MaxReadAttempts)
            {
                return ToTableData(items);
            }

            LogTornRead(_logger, _clusterId, attempt);
        }
    }

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!TryParseEtag(tableVersion.VersionEtag, out var versionEtag))
        {
            return false;
        }

        var put = new Put
        {
            TableName = _options.TableName,
            Item = MembershipItem.ToItem(_clusterId, entry, etag: 0, tableVersion.Version),
            ConditionExpression = "attribute_not_exists(#s)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = MembershipItem.SiloId },
        };
        return await WriteWithVersionAsync(new TransactWriteItem { Put = put }, tableVersion.Version, versionEtag, entry.SiloAddress);
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!TryParseEtag(etag, out var rowEtag) || !TryParseEtag(tableVersion.VersionEtag, out var versionEtag))
        {
            return false;
        }

        var put = new Put
        {
            TableName = _options.TableName,
            Item = MembershipItem.ToItem(_clusterId, entry, rowEtag + 1, tableVersion.Version),
            ConditionExpression = "#e = :e",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#e"] = MembershipItem.ETag },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":e"] = Attr.N(rowEtag) },
        };
        return await WriteWithVersionAsync(new TransactWriteItem { Put = put }, tableVersion.Version, versionEtag, entry.SiloAddress);
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // The heartbeat touches only its own column: neither the row etag nor the table version move.
        await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _options.TableName,
            Key = MembershipItem.Key(_clusterId, MembershipItem.IdOf(entry.SiloAddress)),
            UpdateExpression = "SET #t = :t",
            ConditionExpression = "attribute_exists(#s)",
            ExpressionAttributeNames = new Dictionary<string, string>
            {
                ["#t"] = MembershipItem.IAmAliveTime,
                ["#s"] = MembershipItem.SiloId,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":t"] = Attr.Time(entry.IAmAliveTime) },
        });
    }

    public void Dispose() => _client.Dispose();

    private async Task<bool> WriteWithVersionAsync(TransactWriteItem siloWrite, int newVersion, long expectedVersionEtag, SiloAddress silo)
    {
        var versionUpdate = new Update
        {
            TableName = _options.TableName,
            Key = MembershipItem.Key(_clusterId, MembershipItem.VersionRowId),
            UpdateExpression = "SET #v = :v, #e = :next",
            ConditionExpression = "#e = :e",
            ExpressionAttributeNames = new Dictionary<string, string>
            {
                ["#v"] = MembershipItem.Version,
                ["#e"] = MembershipItem.ETag,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":v"] = Attr.N(newVersion),
                [":e"] = Attr.N(expectedVersionEtag),
                [":next"] = Attr.N(expectedVersionEtag + 1),
            },
        };

        try
        {
            await _client.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [siloWrite, new TransactWriteItem { Update = versionUpdate }],
            });
            return true;
        }
        catch (TransactionCanceledException ex) when (IsContention(ex))
        {
            // Someone else changed the table (or this row) since the caller read it: the
            // membership protocol re-reads and retries on false.
            LogContention(_logger, silo.ToString(), newVersion);
            return false;
        }
    }

    private static bool IsContention(TransactionCanceledException ex) =>
        ex.CancellationReasons is { Count: > 0 } reasons
            ? reasons.Any(r => r.Code is ConditionalCheckFailed or TransactionConflict)
            : ex.Message.Contains(ConditionalCheckFailed, StringComparison.Ordinal);

    private static bool TryParseEtag(string? etag, out long value) =>
        long.TryParse(etag, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private Task<List<Dictionary<string, AttributeValue>>> QueryClusterAsync(string clusterId, bool keysOnly)
    {
        var request = new QueryRequest
        {
            TableName = _options.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "#c = :c",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#c"] = MembershipItem.ClusterId },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":c"] = Attr.S(clusterId) },
        };
        if (keysOnly)
        {
            request.ProjectionExpression = "#c, #s";
            request.ExpressionAttributeNames["#s"] = MembershipItem.SiloId;
        }

        return DynamoDbItems.QueryAllAsync(_client, request, CancellationToken.None);
    }

    private MembershipTableData ToTableData(List<Dictionary<string, AttributeValue>> items)
    {
        var version = new TableVersion(0, "0");
        var entries = new List<Tuple<MembershipEntry, string>>();
        foreach (var item in items)
        {
            if (item.GetS(MembershipItem.SiloId) == MembershipItem.VersionRowId)
            {
                version = new TableVersion((int)item.GetN(MembershipItem.Version), MembershipItem.EtagOf(item));
                continue;
            }

            try
            {
                entries.Add(Tuple.Create(MembershipItem.ToEntry(item), MembershipItem.EtagOf(item)));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or KeyNotFoundException or NullReferenceException)
            {
                // One unreadable row must not take the whole cluster's view down.
                LogUnreadableRow(_logger, ex, item.GetS(MembershipItem.SiloId), _clusterId);
            }
        }

        return new MembershipTableData(entries, version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the membership version row for cluster {ClusterId} in {TableName}")]
    private static partial void LogVersionRowCreated(ILogger logger, string clusterId, string tableName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} defunct silo entries of cluster {ClusterId}")]
    private static partial void LogDefunctRemoved(ILogger logger, int count, string clusterId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership read of cluster {ClusterId} saw a write in progress (attempt {Attempt}); reading again")]
    private static partial void LogTornRead(ILogger logger, string clusterId, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership write for silo {Silo} at version {Version} lost to a concurrent change")]
    private static partial void LogContention(ILogger logger, string silo, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring unreadable membership row {SiloId} of cluster {ClusterId}")]
    private static partial void LogUnreadableRow(ILogger logger, Exception exception, string? siloId, string clusterId);
}
