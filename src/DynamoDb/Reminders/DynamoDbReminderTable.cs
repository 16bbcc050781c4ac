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

namespace ComplianceReport.DynamoDb.Reminders;

/// <summary>
/// Orleans reminders on DynamoDB. One partition per service; the range key starts with the
/// grain's uniform hash as 8 lower-case hex digits, so hash ranges are plain, strongly
/// consistent key-range queries (no secondary index), and a grain's reminders share a prefix.
/// </summary>
public sealed partial class DynamoDbReminderTable : IReminderTable, IDisposable
{
    private const string ServiceId = "ServiceId";
    private const string ReminderKey = "ReminderKey";
    private const string GrainIdAttribute = "GrainId";
    private const string ReminderName = "ReminderName";
    private const string StartAt = "StartAt";
    private const string PeriodTicks = "PeriodTicks";
    private const string ETag = "ETag";

    // '/' sorts below every hex digit, so "{hash}0" is above every key of that hash and below the next hash.
    private const string AboveHash = "0";

    private readonly DynamoDbRemindersOptions _options;
    private readonly string _serviceId;
    private readonly ILogger<DynamoDbReminderTable> _logger;
    private readonly AmazonDynamoDBClient _client;

    public DynamoDbReminderTable(
        IOptions<DynamoDbRemindersOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        ILogger<DynamoDbReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _options = options.Value;
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
        _client = DynamoDbClientFactory.Create(_options);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) =>
        DynamoDbTable.EnsureAsync(_client, _options, ServiceId, ReminderKey, _logger, cancellationToken);

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var items = await QueryAsync("begins_with(#r, :prefix)", new Dictionary<string, AttributeValue> { [":prefix"] = Attr.S(GrainPrefix(grainId)) });
        var grain = grainId.ToString();
        return new ReminderTableData(items.Where(i => i.GetS(GrainIdAttribute) == grain).Select(ToEntry));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // (begin, end]; begin >= end wraps around the ring: (begin, max] plus [0, end].
        List<Dictionary<string, AttributeValue>> items;
        if (begin < end)
        {
            items = await QueryAsync("#r BETWEEN :lo AND :hi", new Dictionary<string, AttributeValue>
            {
                [":lo"] = Attr.S(Hex(begin + 1)),
                [":hi"] = Attr.S(Hex(end) + AboveHash),
            });
        }
        else
        {
            items = await QueryAsync("#r <= :hi", new Dictionary<string, AttributeValue> { [":hi"] = Attr.S(Hex(end) + AboveHash) });
            if (begin < uint.MaxValue)
            {
                items.AddRange(await QueryAsync("#r >= :lo", new Dictionary<string, AttributeValue> { [":lo"] = Attr.S(Hex(begin + 1)) }));
            }
        }

        return new ReminderTableData(items.Select(ToEntry));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = _options.TableName,
            Key = KeyOf(grainId, reminderName),
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? ToEntry(item) : null;
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N");
        var item = KeyOf(entry.GrainId, entry.ReminderName);
        item[GrainIdAttribute] = Attr.S(entry.GrainId.ToString());
        item[ReminderName] = Attr.S(entry.ReminderName);
        item[StartAt] = Attr.Time(entry.StartAt);
        item[PeriodTicks] = Attr.N(entry.Period.Ticks);
        item[ETag] = Attr.S(etag);
        await _client.PutItemAsync(new PutItemRequest { TableName = _options.TableName, Item = item });
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        try
        {
            await _client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _options.TableName,
                Key = KeyOf(grainId, reminderName),
                ConditionExpression = "#e = :e",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#e"] = ETag },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":e"] = Attr.S(eTag) },
            });
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            LogRemoveRejected(_logger, reminderName, grainId.ToString());
            return false;
        }
    }

    public async Task TestOnlyClearTable()
    {
        var items = await QueryAsync(condition: null, values: []);
        await DynamoDbItems.DeleteAllAsync(
            _client,
            _options.TableName,
            items.Select(i => new Dictionary<string, AttributeValue> { [ServiceId] = i[ServiceId], [ReminderKey] = i[ReminderKey] }),
            CancellationToken.None);
    }

    public void Dispose() => _client.Dispose();

    private static string Hex(uint hash) => hash.ToString("x8", CultureInfo.InvariantCulture);

    private static string GrainPrefix(GrainId grainId) => $"{Hex(grainId.GetUniformHashCode())}/{grainId}/";

    private static ReminderEntry ToEntry(Dictionary<string, AttributeValue> item) => new()
    {
        GrainId = GrainId.Parse(item.GetS(GrainIdAttribute) ?? throw new InvalidDataException("Reminder item without a grain id.")),
        ReminderName = item.GetS(ReminderName) ?? string.Empty,
        StartAt = item.GetTime(StartAt),
        Period = TimeSpan.FromTicks(item.GetN(PeriodTicks)),
        ETag = item.GetS(ETag),
    };

    private Dictionary<string, AttributeValue> KeyOf(GrainId grainId, string reminderName) => new()
    {
        [ServiceId] = Attr.S(_serviceId),
        [ReminderKey] = Attr.S(GrainPrefix(grainId) + reminderName),
    };

    private Task<List<Dictionary<string, AttributeValue>>> QueryAsync(string? condition, Dictionary<string, AttributeValue> values)
    {
        var names = new Dictionary<string, string> { ["#s"] = ServiceId };
        if (condition is not null)
        {
            names["#r"] = ReminderKey;
        }

        values[":s"] = Attr.S(_serviceId);
        return DynamoDbItems.QueryAllAsync(
            _client,
            new QueryRequest
            {
                TableName = _options.TableName,
                ConsistentRead = true,
                KeyConditionExpression = condition is null ? "#s = :s" : $"#s = :s AND {condition}",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
            CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder {ReminderName} of {GrainId} was not removed: missing or changed since read")]
    private static partial void LogRemoveRejected(ILogger logger, string reminderName, string grainId);
}
