using ComplianceReport.DynamoDb.Options;
using ComplianceReport.DynamoDb.Reminders;
using ComplianceReport.DynamoDb.Tests.Support;
using ComplianceReport.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ComplianceReport.DynamoDb.Tests.Reminders;

/// <summary>The cases of Orleans' ReminderTableTestsBase, against moto_server.</summary>
public sealed class ReminderTableTests : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string TableName = "test-reminders";

    private readonly MotoServer _moto;
    private readonly DynamoDbReminderTable _table;

    public ReminderTableTests(MotoServer moto)
    {
        _moto = moto;
        _table = CreateTable("svc-" + Guid.NewGuid().ToString("N"));
    }

    public Task InitializeAsync() => _table.StartAsync(CancellationToken.None);

    public Task DisposeAsync()
    {
        _table.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Upsert_read_and_remove_with_etags()
    {
        var grain = NewGrain();
        var entry = NewEntry(grain, "weekly");
        var etag = await _table.UpsertRow(entry);
        Assert.NotNull(etag);

        var read = await _table.ReadRow(grain, "weekly");
        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal("weekly", read.ReminderName);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal(etag, read.ETag);

        // Upsert replaces and hands out a new etag; the old one no longer removes.
        entry.Period = TimeSpan.FromHours(2);
        var newEtag = await _table.UpsertRow(entry);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(TimeSpan.FromHours(2), (await _table.ReadRow(grain, "weekly"))!.Period);

        Assert.False(await _table.RemoveRow(grain, "weekly", etag!));
        Assert.False(await _table.RemoveRow(grain, "missing", newEtag!));
        Assert.NotNull(await _table.ReadRow(grain, "weekly"));

        Assert.True(await _table.RemoveRow(grain, "weekly", newEtag!));
        Assert.Null(await _table.ReadRow(grain, "weekly"));
        Assert.False(await _table.RemoveRow(grain, "weekly", newEtag!));
    }

    [Fact]
    public async Task ReadRows_by_grain_returns_that_grains_reminders_only()
    {
        var grain = NewGrain();
        var other = NewGrain();
        await _table.UpsertRow(NewEntry(grain, "a"));
        await _table.UpsertRow(NewEntry(grain, "b"));
        await _table.UpsertRow(NewEntry(other, "a"));

        var rows = await _table.ReadRows(grain);

        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
        Assert.Empty((await _table.ReadRows(NewGrain())).Reminders);
    }

    [Fact]
    public async Task Ranged_reads_over_a_thousand_reminders_return_exactly_the_hashes_in_range_including_wrap_around()
    {
        var entries = Enumerable.Range(0, 1000).Select(i => NewEntry(NewGrain(), $"r{i % 3}")).ToList();
        using (var throttle = new SemaphoreSlim(8))
        {
            await Task.WhenAll(entries.Select(async e =>
            {
                await throttle.WaitAsync();
                try
                {
                    await _table.UpsertRow(e);
                }
                finally
                {
                    throttle.Release();
                }
            }));
        }

        var hashes = entries.Select(e => e.GrainId.GetUniformHashCode()).Order().ToArray();
        var random = new Random(20261128);
        // Edges first: the whole ring, an empty wrap, single hashes on either side of a bound.
        // moto answers about 300 items per second, so the random ranges are few.
        var ranges = new List<(uint Begin, uint End)>
        {
            (hashes[10], hashes[10]),
            (uint.MaxValue, 0),
            (hashes[100] - 1, hashes[100]),
            (hashes[100], hashes[101]),
            (hashes[900], hashes[50]),
            (hashes[^1], hashes[0]),
        };
        for (var i = 0; i < 8; i++)
        {
            ranges.Add(((uint)random.NextInt64(0, (long)uint.MaxValue + 1), (uint)random.NextInt64(0, (long)uint.MaxValue + 1)));
        }

        foreach (var (begin, end) in ranges)
        {
            var expected = entries.Where(e => InRange(e.GrainId.GetUniformHashCode(), begin, end)).Select(Key).Order().ToList();

            var actual = (await _table.ReadRows(begin, end)).Reminders.Select(Key).Order().ToList();

            Assert.True(expected.SequenceEqual(actual), $"range ({begin}, {end}]: expected {expected.Count} reminders, got {actual.Count}");
        }
    }

    [Fact]
    public async Task Services_sharing_a_table_do_not_see_each_others_reminders()
    {
        using var other = CreateTable("other-" + Guid.NewGuid().ToString("N"));
        var grain = NewGrain();
        await other.UpsertRow(NewEntry(grain, "x"));

        Assert.Empty((await _table.ReadRows(grain)).Reminders);
        Assert.Empty((await _table.ReadRows(0, uint.MaxValue)).Reminders);
        Assert.Single((await other.ReadRows(0, 0)).Reminders);

        await other.TestOnlyClearTable();
        Assert.Empty((await other.ReadRows(0, 0)).Reminders);
    }

    // Orleans' contract: (begin, end]; when begin >= end the range wraps around the ring.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static string Key(ReminderEntry entry) => $"{entry.GrainId}/{entry.ReminderName}";

    private static GrainId NewGrain() => GrainId.Create("reminder-test", Guid.NewGuid().ToString("N"));

    private static ReminderEntry NewEntry(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromDays(7),
    };

    private DynamoDbReminderTable CreateTable(string serviceId)
    {
        var options = new DynamoDbRemindersOptions();
        Moto.Apply(options, _moto.Endpoint, TableName);
        return new DynamoDbReminderTable(
            MsOptions.Create(options),
            MsOptions.Create(new ClusterOptions { ClusterId = "c", ServiceId = serviceId }),
            NullLogger<DynamoDbReminderTable>.Instance);
    }
}
