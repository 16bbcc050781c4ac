using System.Globalization;
using System.Security.Cryptography;
using Amazon.DynamoDBv2.Model;
using ComplianceReport.DynamoDb.Options;
using ComplianceReport.DynamoDb.Storage;
using ComplianceReport.DynamoDb.Tests.Support;
using ComplianceReport.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ComplianceReport.DynamoDb.Tests.Storage;

public sealed class GrainStorageTests : IClassFixture<SerializedMotoServer>, IAsyncLifetime
{
    private const string TableName = "test-grainstate";
    private const string StateName = "state";
    private const int TwoMegabytes = 2 * 1024 * 1024;

    private readonly SerializedMotoServer _moto;
    private readonly string _serviceId = "svc-" + Guid.NewGuid().ToString("N");
    private readonly DynamoDbGrainStorage _storage;

    public GrainStorageTests(SerializedMotoServer moto)
    {
        _moto = moto;
        var options = new DynamoDbStorageOptions();
        Moto.Apply(options, moto.Endpoint, TableName);
        _storage = new DynamoDbGrainStorage(
            "test",
            options,
            new JsonStorageSerializer(),
            new NewActivatorProvider(),
            MsOptions.Create(new ClusterOptions { ClusterId = "c", ServiceId = _serviceId }),
            NullLogger<DynamoDbGrainStorage>.Instance);
    }

    public Task InitializeAsync() => _storage.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync()
    {
        _storage.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reading_a_state_never_written_gives_a_fresh_state_without_etag()
    {
        var state = new GrainState<TestState>(new TestState { Text = "left over" });

        await _storage.ReadStateAsync(StateName, NewGrain(), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(string.Empty, state.State!.Text);
    }

    [Fact]
    public async Task Written_state_reads_back_with_the_same_etag()
    {
        var grain = NewGrain();
        var written = new GrainState<TestState>(new TestState { Text = "hello", Numbers = [1, 2, 3] });

        await _storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("hello", read.State!.Text);
        Assert.Equal([1, 2, 3], read.State!.Numbers);

        // A second state name of the same grain is a separate record.
        var other = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync("other", grain, other);
        Assert.False(other.RecordExists);
    }

    [Fact]
    public async Task Each_write_moves_the_etag_and_a_write_with_an_old_etag_fails()
    {
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState { Text = "one" });
        await _storage.WriteStateAsync(StateName, grain, state);
        var first = state.ETag;

        state.State!.Text = "two";
        await _storage.WriteStateAsync(StateName, grain, state);
        Assert.NotEqual(first, state.ETag);

        var stale = new GrainState<TestState>(new TestState { Text = "stale" }) { ETag = first };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, stale));
        Assert.Equal(state.ETag, conflict.StoredEtag);

        var fresh = new GrainState<TestState>(new TestState { Text = "again" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, fresh));

        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("two", read.State!.Text);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(TwoMegabytes)]
    public async Task Concurrent_writes_with_the_same_etag_have_one_winner(int size)
    {
        var grain = NewGrain();
        var initial = new GrainState<TestState>(new TestState { Text = "initial" });
        await _storage.WriteStateAsync(StateName, grain, initial);

        var writers = Enumerable.Range(0, 4)
            .Select(i => new GrainState<TestState>(new TestState { Text = $"writer {i}", Blob = RandomNumberGenerator.GetBytes(size) }) { ETag = initial.ETag })
            .ToList();
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await _storage.WriteStateAsync(StateName, grain, w);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        var winner = writers[Array.IndexOf(outcomes, true)];
        Assert.Single(outcomes, ok => ok);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(winner.State!.Text, read.State!.Text);
        Assert.Equal(winner.State!.Blob, read.State!.Blob);
        Assert.Equal(winner.ETag, read.ETag);

        // Losers took their chunks with them: only the winner's items remain.
        await AssertOnlyCurrentItemsAsync(grain);
    }

    [Fact]
    public async Task Clearing_deletes_the_state_and_needs_the_current_etag()
    {
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState { Text = "doomed" });
        await _storage.WriteStateAsync(StateName, grain, state);

        var stale = new GrainState<TestState>(new TestState()) { ETag = null };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, grain, stale));

        await _storage.ClearStateAsync(StateName, grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(string.Empty, state.State!.Text);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        Assert.Empty(await ItemsOf(grain));

        // After a clear the grain starts over.
        state.State!.Text = "reborn";
        await _storage.WriteStateAsync(StateName, grain, state);
        await _storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("reborn", read.State!.Text);
    }

    [Fact]
    public async Task A_two_megabyte_incompressible_state_round_trips_across_items()
    {
        var grain = NewGrain();
        var blob = RandomNumberGenerator.GetBytes(TwoMegabytes);
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TwoMegabytes / 4));
        var state = new GrainState<TestState>(new TestState { Text = text, Blob = blob });

        await _storage.WriteStateAsync(StateName, grain, state);
        var read = new GrainState<TestState>(new TestState());
        await _storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal(blob, read.State!.Blob);
        Assert.Equal(text, read.State!.Text);
        Assert.Equal(state.ETag, read.ETag);
        Assert.True((await ItemsOf(grain)).Count > 2, "a 2 MB state cannot fit one item; it must be split");
    }

    [Fact]
    public async Task Replacing_or_clearing_a_big_state_leaves_no_orphan_items()
    {
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState { Blob = RandomNumberGenerator.GetBytes(TwoMegabytes) });
        await _storage.WriteStateAsync(StateName, grain, state);
        var bigCount = (await ItemsOf(grain)).Count;

        state.State!.Blob = RandomNumberGenerator.GetBytes(TwoMegabytes);
        await _storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal(bigCount, (await ItemsOf(grain)).Count);
        await AssertOnlyCurrentItemsAsync(grain);

        state.State!.Blob = [1, 2, 3];
        await _storage.WriteStateAsync(StateName, grain, state);
        Assert.Single(await ItemsOf(grain));

        state.State!.Blob = RandomNumberGenerator.GetBytes(TwoMegabytes);
        await _storage.WriteStateAsync(StateName, grain, state);
        await _storage.ClearStateAsync(StateName, grain, state);
        Assert.Empty(await ItemsOf(grain));
    }

    [Fact]
    public async Task Clearing_sweeps_chunks_of_a_writer_that_died_but_spares_a_write_in_flight()
    {
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState { Text = "small" });
        await _storage.WriteStateAsync(StateName, grain, state);
        using (var client = Moto.Client(_moto.Endpoint))
        {
            await client.PutItemAsync(TableName, Chunk(grain, "dead", DateTime.UtcNow.AddHours(-1)));
            await client.PutItemAsync(TableName, Chunk(grain, "inflight", DateTime.UtcNow));
        }

        await _storage.ClearStateAsync(StateName, grain, state);

        var left = Assert.Single(await ItemsOf(grain));
        Assert.Equal($"{StateName}#inflight#00000", left["StateKey"].S);
    }

    private Dictionary<string, AttributeValue> Chunk(GrainId grain, string generation, DateTime writtenAt) => new()
    {
        ["GrainKey"] = new AttributeValue { S = $"{_serviceId}/{grain}" },
        ["StateKey"] = new AttributeValue { S = $"{StateName}#{generation}#00000" },
        ["Data"] = new AttributeValue { B = new MemoryStream([1, 2, 3]) },
        ["WrittenAt"] = new AttributeValue { S = writtenAt.ToString("O", CultureInfo.InvariantCulture) },
    };

    private static GrainId NewGrain() => GrainId.Create("test", Guid.NewGuid().ToString("N"));

    /// <summary>The head item plus exactly the chunks of the generation it points at, nothing else.</summary>
    private async Task AssertOnlyCurrentItemsAsync(GrainId grain)
    {
        var items = await ItemsOf(grain);
        var head = Assert.Single(items, i => i["StateKey"].S == StateName);
        var chunks = items.Where(i => i != head).Select(i => i["StateKey"].S).ToList();
        if (head.TryGetValue("Generation", out var generation))
        {
            Assert.Equal(int.Parse(head["Chunks"].N, CultureInfo.InvariantCulture), chunks.Count);
            Assert.All(chunks, key => Assert.StartsWith($"{StateName}#{generation.S}#", key, StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(chunks);
        }
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ItemsOf(GrainId grain) =>
        [.. (await Moto.ScanAsync(_moto.Endpoint, TableName)).Where(i => i["GrainKey"].S == $"{_serviceId}/{grain}")];
}
