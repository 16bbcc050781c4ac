using System.Net;
using ComplianceReport.DynamoDb.Clustering;
using ComplianceReport.DynamoDb.Options;
using ComplianceReport.DynamoDb.Tests.Support;
using ComplianceReport.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ComplianceReport.DynamoDb.Tests.Clustering;

/// <summary>The cases of Orleans' MembershipTableTestsBase, against moto_server.</summary>
public sealed class MembershipTableTests : IClassFixture<SerializedMotoServer>, IAsyncLifetime
{
    private const string TableName = "test-membership";
    private static int _generation;

    private readonly SerializedMotoServer _moto;
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N");
    private readonly DynamoDbMembershipTable _table;

    public MembershipTableTests(SerializedMotoServer moto)
    {
        _moto = moto;
        _table = CreateTable(_clusterId);
    }

    public Task InitializeAsync() => _table.InitializeMembershipTable(tryInitTableVersion: true);

    public Task DisposeAsync()
    {
        _table.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReadAll_on_an_empty_table_returns_version_zero_and_no_members()
    {
        var data = await _table.ReadAll();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.NotNull(data.Version.VersionEtag);
    }

    [Fact]
    public async Task InsertRow_adds_the_entry_and_moves_the_version()
    {
        var entry = NewEntry();
        entry.SuspectTimes = [Tuple.Create(NewAddress(), Seconds(DateTime.UtcNow)), Tuple.Create(NewAddress(), Seconds(DateTime.UtcNow.AddSeconds(1)))];
        entry.RoleName = "role";
        entry.UpdateZone = 3;
        entry.FaultZone = 4;
        var before = await _table.ReadAll();

        Assert.True(await _table.InsertRow(entry, before.Version.Next()));

        var after = await _table.ReadAll();
        Assert.Equal(1, after.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, after.Version.VersionEtag);
        var (stored, etag) = Assert.Single(after.Members);
        Assert.NotNull(etag);
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(entry.Status, stored.Status);
        Assert.Equal(entry.HostName, stored.HostName);
        Assert.Equal(entry.SiloName, stored.SiloName);
        Assert.Equal(entry.RoleName, stored.RoleName);
        Assert.Equal(entry.ProxyPort, stored.ProxyPort);
        Assert.Equal(entry.UpdateZone, stored.UpdateZone);
        Assert.Equal(entry.FaultZone, stored.FaultZone);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(entry.IAmAliveTime, stored.IAmAliveTime);
        Assert.Equal(entry.SuspectTimes, stored.SuspectTimes);
    }

    [Fact]
    public async Task InsertRow_of_an_existing_silo_is_rejected_even_with_the_current_version()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));

        Assert.False(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));

        var data = await _table.ReadAll();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task InsertRow_with_a_stale_table_version_is_rejected()
    {
        var stale = (await _table.ReadAll()).Version.Next();
        Assert.True(await _table.InsertRow(NewEntry(), stale));

        Assert.False(await _table.InsertRow(NewEntry(), stale));

        var data = await _table.ReadAll();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task UpdateRow_succeeds_only_with_the_current_row_etag_and_table_version()
    {
        var entry = NewEntry();
        var insertVersion = (await _table.ReadAll()).Version.Next();
        Assert.True(await _table.InsertRow(entry, insertVersion));
        var data = await _table.ReadAll();
        var etagBefore = Row(data, entry.SiloAddress).Item2;

        // Right row etag, stale table version.
        Assert.False(await _table.UpdateRow(entry, etagBefore, insertVersion));

        entry.Status = SiloStatus.Active;
        var nextVersion = data.Version.Next();
        Assert.True(await _table.UpdateRow(entry, etagBefore, nextVersion));

        // Stale row etag with a current table version.
        data = await _table.ReadAll();
        Assert.False(await _table.UpdateRow(entry, etagBefore, data.Version.Next()));

        var after = await _table.ReadAll();
        Assert.Equal(2, after.Version.Version);
        Assert.Equal(SiloStatus.Active, Row(after, entry.SiloAddress).Item1.Status);
        Assert.NotEqual(etagBefore, Row(after, entry.SiloAddress).Item2);
    }

    [Fact]
    public async Task Twenty_parallel_inserts_with_one_version_have_exactly_one_winner_and_updates_serialize()
    {
        var entry = NewEntry();
        var version = (await _table.ReadAll()).Version.Next();

        var sameEntry = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _table.InsertRow(entry, version)));
        Assert.Single(sameEntry, ok => ok);

        var next = (await _table.ReadAll()).Version.Next();
        var distinctEntries = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _table.InsertRow(NewEntry(), next)));
        Assert.Single(distinctEntries, ok => ok);

        // 18 concurrent updaters, each retrying until it wins once: the version counts every win.
        await Task.WhenAll(Enumerable.Range(0, 18).Select(async _ =>
        {
            while (true)
            {
                var data = await _table.ReadAll();
                var (row, etag) = Row(data, entry.SiloAddress);
                if (await _table.UpdateRow(row, etag, data.Version.Next()))
                {
                    return;
                }
            }
        }));

        var final = await _table.ReadAll();
        Assert.Equal(20, final.Version.Version);
        Assert.Equal(2, final.Members.Count);
    }

    [Fact]
    public async Task UpdateIAmAlive_changes_the_heartbeat_but_not_the_row_etag_or_table_version()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));
        var before = await _table.ReadAll();
        var heartbeat = DateTime.UtcNow.AddMinutes(5);

        await _table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = heartbeat });

        var after = await _table.ReadAll();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Version.VersionEtag, after.Version.VersionEtag);
        var (stored, etag) = Row(after, entry.SiloAddress);
        Assert.Equal(Row(before, entry.SiloAddress).Item2, etag);
        Assert.Equal(heartbeat, stored.IAmAliveTime);
        Assert.Equal(entry.Status, stored.Status);
    }

    [Fact]
    public async Task ReadRow_returns_that_silo_with_the_table_version_and_nothing_for_an_unknown_silo()
    {
        var first = NewEntry();
        var second = NewEntry();
        Assert.True(await _table.InsertRow(first, (await _table.ReadAll()).Version.Next()));
        Assert.True(await _table.InsertRow(second, (await _table.ReadAll()).Version.Next()));

        var row = await _table.ReadRow(second.SiloAddress);
        var all = await _table.ReadAll();

        var (stored, etag) = Assert.Single(row.Members);
        Assert.Equal(second.SiloAddress, stored.SiloAddress);
        Assert.Equal(Row(all, second.SiloAddress).Item2, etag);
        Assert.Equal(all.Version, row.Version);
        Assert.Equal(all.Version.VersionEtag, row.Version.VersionEtag);
        Assert.Equal(2, all.Members.Count);

        var unknown = await _table.ReadRow(NewAddress());
        Assert.Empty(unknown.Members);
        Assert.Equal(all.Version, unknown.Version);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_removes_only_dead_entries_older_than_the_cutoff()
    {
        var now = Seconds(DateTime.UtcNow);
        var deadOld = NewEntry(SiloStatus.Dead, now.AddHours(-2));
        var deadRecent = NewEntry(SiloStatus.Dead, now);
        var activeOld = NewEntry(SiloStatus.Active, now.AddHours(-2));
        foreach (var entry in new[] { deadOld, deadRecent, activeOld })
        {
            Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));
        }

        await _table.CleanupDefunctSiloEntries(now.AddHours(-1));

        var data = await _table.ReadAll();
        Assert.Equal(
            new[] { deadRecent.SiloAddress, activeOld.SiloAddress }.OrderBy(a => a.ToString()),
            data.Members.Select(m => m.Item1.SiloAddress).OrderBy(a => a.ToString()));
        Assert.Equal(3, data.Version.Version);
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_removes_that_cluster_only()
    {
        var otherClusterId = "other-" + Guid.NewGuid().ToString("N");
        using var other = CreateTable(otherClusterId);
        await other.InitializeMembershipTable(true);
        Assert.True(await other.InsertRow(NewEntry(), (await other.ReadAll()).Version.Next()));
        Assert.True(await _table.InsertRow(NewEntry(), (await _table.ReadAll()).Version.Next()));

        await _table.DeleteMembershipTableEntries(_clusterId);

        var items = await Moto.ScanAsync(_moto.Endpoint, TableName);
        Assert.DoesNotContain(items, i => i["ClusterId"].S == _clusterId);
        Assert.Equal(2, items.Count(i => i["ClusterId"].S == otherClusterId));
    }

    [Fact]
    public async Task Gateway_list_holds_the_proxy_endpoints_of_active_silos_only()
    {
        var entries = Enumerable.Range(0, 10).Select(_ => NewEntry()).ToArray();
        entries[3].Status = SiloStatus.Active;
        entries[3].ProxyPort = 0;
        entries[5].Status = SiloStatus.Active;
        entries[9].Status = SiloStatus.Active;
        entries[9].ProxyPort = 30001;
        entries[1].Status = SiloStatus.Dead;
        foreach (var entry in entries)
        {
            Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));
        }

        using var provider = new DynamoDbGatewayListProvider(
            MsOptions.Create(ClusteringOptions()),
            MsOptions.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "svc" }),
            MsOptions.Create(new GatewayOptions()),
            NullLogger<DynamoDbGatewayListProvider>.Instance);
        await provider.InitializeGatewayListProvider();

        var gateways = await provider.GetGateways();

        var expected = new[]
        {
            SiloAddress.New(entries[5].SiloAddress.Endpoint.Address, entries[5].ProxyPort, entries[5].SiloAddress.Generation).ToGatewayUri(),
            SiloAddress.New(entries[9].SiloAddress.Endpoint.Address, 30001, entries[9].SiloAddress.Generation).ToGatewayUri(),
        };
        Assert.Equal(expected.Select(u => u.ToString()).Order(), gateways.Select(u => u.ToString()).Order());
    }

    private static Tuple<MembershipEntry, string> Row(MembershipTableData data, SiloAddress address)
    {
        var row = data.TryGet(address);
        Assert.NotNull(row);
        return row;
    }

    private DynamoDbMembershipTable CreateTable(string clusterId) => new(
        MsOptions.Create(ClusteringOptions()),
        MsOptions.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "svc" }),
        NullLogger<DynamoDbMembershipTable>.Instance);

    private DynamoDbClusteringOptions ClusteringOptions()
    {
        var options = new DynamoDbClusteringOptions();
        Moto.Apply(options, _moto.Endpoint, TableName);
        return options;
    }

    private static MembershipEntry NewEntry(SiloStatus status = SiloStatus.Joining, DateTime? iAmAlive = null)
    {
        var address = NewAddress();
        return new MembershipEntry
        {
            SiloAddress = address,
            HostName = Dns.GetHostName(),
            SiloName = "TestSilo",
            Status = status,
            ProxyPort = address.Endpoint.Port + 1,
            StartTime = Seconds(DateTime.UtcNow),
            IAmAliveTime = iAmAlive ?? Seconds(DateTime.UtcNow),
        };
    }

    private static SiloAddress NewAddress() =>
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), Interlocked.Increment(ref _generation));

    private static DateTime Seconds(DateTime value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, DateTimeKind.Utc);
}
