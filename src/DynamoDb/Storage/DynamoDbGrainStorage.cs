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
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ComplianceReport.DynamoDb.Storage;

/// <summary>
/// Orleans grain storage on DynamoDB with an integer etag. Each state has a head item (etag,
/// encoding and, when it fits, the compressed state). Larger states go to chunk items under a
/// fresh generation id first; the conditional write of the head then switches to them atomically,
/// and the chunks of the replaced generation are deleted afterwards. A reader therefore only ever
/// follows a head to a complete set of chunks. Clearing also sweeps chunks left by a writer that
/// died before switching the head.
/// </summary>
public sealed partial class DynamoDbGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const string GrainKey = "GrainKey";
    private const string StateKey = "StateKey";
    private const string ETag = "ETag";
    private const string Encoding = "Encoding";
    private const string Data = "Data";
    private const string Generation = "Generation";
    private const string ChunkCount = "Chunks";
    private const string WrittenAt = "WrittenAt";

    // A reader can lose a race with a writer that deletes the chunks it was about to read.
    private const int MaxReadAttempts = 5;

    // Chunks no head points at and older than this are leftovers of a writer that died between
    // writing chunks and switching the head; younger ones may belong to a write in flight.
    private static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(10);

    private readonly string _name;
    private readonly DynamoDbStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly string _serviceId;
    private readonly ILogger<DynamoDbGrainStorage> _logger;
    private readonly AmazonDynamoDBClient _client;

    public DynamoDbGrainStorage(
        string name,
        DynamoDbStorageOptions options,
        IGrainStorageSerializer serializer,
        IActivatorProvider activatorProvider,
        IOptions<ClusterOptions> clusterOptions,
        ILogger<DynamoDbGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _name = name;
        _options = options;
        _serializer = serializer;
        _activatorProvider = activatorProvider;
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
        _client = DynamoDbClientFactory.Create(options);
    }

    /// <summary>Creates or checks the table; the silo lifecycle calls it before grains run.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        DynamoDbTable.EnsureAsync(_client, _options, GrainKey, StateKey, _logger, cancellationToken);

    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(
            $"{nameof(DynamoDbGrainStorage)}-{_name}",
            ServiceLifecycleStage.ApplicationServices,
            InitializeAsync,
            _ => Task.CompletedTask);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = KeyOf(grainId, stateName);
        for (var attempt = 1; ; attempt++)
        {
            var response = await _client.GetItemAsync(new GetItemRequest
            {
                TableName = _options.TableName,
                Key = key,
                ConsistentRead = true,
            });
            var head = response.Item;
            if (head is not { Count: > 0 })
            {
                grainState.State = _activatorProvider.GetActivator<T>().Create();
                grainState.ETag = null;
                grainState.RecordExists = false;
                return;
            }

            var payload = await ReadPayloadAsync(key, stateName, head);
            if (payload is null && attempt < MaxReadAttempts)
            {
                LogChunksReplaced(_logger, stateName, grainId.ToString(), attempt);
                continue;
            }

            if (payload is null)
            {
                throw new InvalidOperationException(
                    $"Grain state {stateName} of {grainId} in table {_options.TableName} points at chunks that are missing.");
            }

            var serialized = StatePayload.Decompress(payload, head.GetS(Encoding) ?? string.Empty);
            grainState.State = _serializer.Deserialize<T>(BinaryData.FromBytes(serialized));
            grainState.ETag = head.GetN(ETag).ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
            return;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        var next = (expected ?? 0) + 1;
        var key = KeyOf(grainId, stateName);
        var payload = StatePayload.Compress(_serializer.Serialize(grainState.State).ToMemory().Span);

        var head = new Dictionary<string, AttributeValue>(key)
        {
            [ETag] = Attr.N(next),
            [Encoding] = Attr.S(StatePayload.Brotli),
            [WrittenAt] = Attr.Time(DateTime.UtcNow),
        };
        List<Dictionary<string, AttributeValue>> newChunks = [];
        if (payload.Length <= StatePayload.MaxPieceBytes)
        {
            head[Data] = new AttributeValue { B = new MemoryStream(payload) };
        }
        else
        {
            // A generation id unique to this write, so two racing writers never share chunk items.
            var generation = Guid.NewGuid().ToString("N");
            newChunks = [.. StatePayload.Split(payload).Select((piece, index) => ChunkItem(key, stateName, generation, index, piece))];
            await DynamoDbItems.PutAllAsync(_client, _options.TableName, newChunks, CancellationToken.None);
            head[Generation] = Attr.S(generation);
            head[ChunkCount] = Attr.N(newChunks.Count);
        }

        var request = new PutItemRequest
        {
            TableName = _options.TableName,
            Item = head,
            ReturnValues = ReturnValue.ALL_OLD,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        SetExpectation(request, expected);

        PutItemResponse response;
        try
        {
            response = await _client.PutItemAsync(request);
        }
        catch (ConditionalCheckFailedException ex)
        {
            await DeleteKeysAsync(newChunks.Select(c => KeyOnly(c)));
            throw Conflict(stateName, grainId, grainState.ETag, ex.Item);
        }

        await DeleteChunksOfAsync(stateName, response.Attributes);
        grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        var request = new DeleteItemRequest
        {
            TableName = _options.TableName,
            Key = KeyOf(grainId, stateName),
            ReturnValues = ReturnValue.ALL_OLD,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        if (expected is { } etag)
        {
            request.ConditionExpression = "#e = :e";
            request.ExpressionAttributeNames = new Dictionary<string, string> { ["#e"] = ETag };
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":e"] = Attr.N(etag) };
        }
        else
        {
            // No etag: the caller believes there is nothing stored; deleting someone else's state would be wrong.
            request.ConditionExpression = "attribute_not_exists(#k)";
            request.ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = GrainKey };
        }

        DeleteItemResponse response;
        try
        {
            response = await _client.DeleteItemAsync(request);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw Conflict(stateName, grainId, grainState.ETag, ex.Item);
        }

        await DeleteChunksOfAsync(stateName, response.Attributes);
        await DeleteOrphanChunksAsync(request.Key, stateName);
        grainState.State = _activatorProvider.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public void Dispose() => _client.Dispose();

    private static void SetExpectation(PutItemRequest request, long? expected)
    {
        if (expected is { } etag)
        {
            request.ConditionExpression = "#e = :e";
            request.ExpressionAttributeNames = new Dictionary<string, string> { ["#e"] = ETag };
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":e"] = Attr.N(etag) };
        }
        else
        {
            request.ConditionExpression = "attribute_not_exists(#k)";
            request.ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = GrainKey };
        }
    }

    private static string ChunkPrefix(string stateName, string generation) => $"{stateName}#{generation}#";

    private static Dictionary<string, AttributeValue> KeyOnly(Dictionary<string, AttributeValue> item) => new()
    {
        [GrainKey] = item[GrainKey],
        [StateKey] = item[StateKey],
    };

    private Dictionary<string, AttributeValue> KeyOf(GrainId grainId, string stateName) => new()
    {
        [GrainKey] = Attr.S($"{_serviceId}/{grainId}"),
        [StateKey] = Attr.S(stateName),
    };

    private static Dictionary<string, AttributeValue> ChunkItem(
        Dictionary<string, AttributeValue> key,
        string stateName,
        string generation,
        int index,
        ReadOnlyMemory<byte> piece) => new()
        {
            [GrainKey] = key[GrainKey],
            [StateKey] = Attr.S($"{ChunkPrefix(stateName, generation)}{index:D5}"),
            [Data] = new AttributeValue { B = new MemoryStream(piece.ToArray()) },
            [WrittenAt] = Attr.Time(DateTime.UtcNow),
        };

    /// <summary>The compressed payload the head points at, or null when its chunks are gone (replaced meanwhile).</summary>
    private async Task<Stream?> ReadPayloadAsync(Dictionary<string, AttributeValue> key, string stateName, Dictionary<string, AttributeValue> head)
    {
        if (head.TryGetValue(Data, out var inline) && inline.B is not null)
        {
            return inline.B;
        }

        var generation = head.GetS(Generation) ?? throw new InvalidDataException($"Grain state head {stateName} has neither data nor chunks.");
        var expectedChunks = head.GetN(ChunkCount);
        var chunks = await DynamoDbItems.QueryAllAsync(
            _client,
            new QueryRequest
            {
                TableName = _options.TableName,
                ConsistentRead = true,
                KeyConditionExpression = "#k = :k AND begins_with(#s, :prefix)",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = GrainKey, ["#s"] = StateKey },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":k"] = key[GrainKey],
                    [":prefix"] = Attr.S(ChunkPrefix(stateName, generation)),
                },
            },
            CancellationToken.None);
        if (chunks.Count != expectedChunks)
        {
            return null;
        }

        var payload = new MemoryStream();
        foreach (var chunk in chunks.OrderBy(c => c.GetS(StateKey), StringComparer.Ordinal))
        {
            chunk[Data].B.CopyTo(payload);
        }

        payload.Position = 0;
        return payload;
    }

    private async Task DeleteChunksOfAsync(string stateName, Dictionary<string, AttributeValue>? oldHead)
    {
        if (oldHead?.GetS(Generation) is not { } generation)
        {
            return;
        }

        var count = oldHead.GetN(ChunkCount);
        var keys = Enumerable.Range(0, (int)count).Select(index => new Dictionary<string, AttributeValue>
        {
            [GrainKey] = oldHead[GrainKey],
            [StateKey] = Attr.S($"{ChunkPrefix(stateName, generation)}{index:D5}"),
        });
        await DeleteKeysAsync(keys);
    }

    private async Task DeleteOrphanChunksAsync(Dictionary<string, AttributeValue> key, string stateName)
    {
        var leftovers = await DynamoDbItems.QueryAllAsync(
            _client,
            new QueryRequest
            {
                TableName = _options.TableName,
                ConsistentRead = true,
                KeyConditionExpression = "#k = :k AND begins_with(#s, :prefix)",
                ProjectionExpression = "#k, #s, #w",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = GrainKey, ["#s"] = StateKey, ["#w"] = WrittenAt },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":k"] = key[GrainKey],
                    [":prefix"] = Attr.S($"{stateName}#"),
                },
            },
            CancellationToken.None);
        var cutoff = DateTime.UtcNow - OrphanAge;
        var orphans = leftovers.Where(i => i.GetTime(WrittenAt) < cutoff).Select(KeyOnly).ToList();
        if (orphans.Count > 0)
        {
            await DeleteKeysAsync(orphans);
            LogOrphansRemoved(_logger, orphans.Count, stateName, key[GrainKey].S);
        }
    }

    private Task DeleteKeysAsync(IEnumerable<Dictionary<string, AttributeValue>> keys) =>
        DynamoDbItems.DeleteAllAsync(_client, _options.TableName, keys, CancellationToken.None);

    private long? ParseEtag(string? etag, string stateName, GrainId grainId)
    {
        if (etag is null)
        {
            return null;
        }

        return long.TryParse(etag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InconsistentStateException($"Grain state {stateName} of {grainId} carries etag '{etag}', which {_name} storage never issues.", "unknown", etag);
    }

    private InconsistentStateException Conflict(string stateName, GrainId grainId, string? currentEtag, Dictionary<string, AttributeValue>? stored)
    {
        var storedEtag = stored is { Count: > 0 } ? stored.GetN(ETag).ToString(CultureInfo.InvariantCulture) : "none";
        LogConflict(_logger, stateName, grainId.ToString(), currentEtag ?? "none", storedEtag);
        return new InconsistentStateException(
            $"Grain state {stateName} of {grainId} changed in table {_options.TableName} since it was read (stored etag {storedEtag}, this activation's {currentEtag ?? "none"}).",
            storedEtag,
            currentEtag ?? "none");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain state {StateName} of {GrainId} conflicts: activation etag {CurrentEtag}, stored {StoredEtag}")]
    private static partial void LogConflict(ILogger logger, string stateName, string grainId, string currentEtag, string storedEtag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} orphaned chunks of grain state {StateName} of {GrainId}")]
    private static partial void LogOrphansRemoved(ILogger logger, int count, string stateName, string grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Grain state {StateName} of {GrainId} was replaced while being read (attempt {Attempt}); reading again")]
    private static partial void LogChunksReplaced(ILogger logger, string stateName, string grainId, int attempt);
}
