using System.Globalization;
using Amazon.DynamoDBv2.Model;
using ComplianceReport.DynamoDb.Tables;
using Orleans;
using Orleans.Runtime;

namespace ComplianceReport.DynamoDb.Clustering;

/// <summary>
/// The membership table's item layout: one partition per cluster (<see cref="ClusterId"/>), one
/// item per silo plus a version item whose <see cref="ETag"/> gates every insert and update.
/// </summary>
internal static class MembershipItem
{
    public const string ClusterId = "ClusterId";
    public const string SiloId = "SiloId";
    public const string ETag = "ETag";
    public const string Version = "Version";

    /// <summary>The range key of the version item; never a parsable silo address.</summary>
    public const string VersionRowId = "$version";

    /// <summary>The table version a silo item was written with, to detect torn reads.</summary>
    public const string MembershipVersion = "MembershipVersion";

    public const string Status = "Status";
    public const string ProxyPort = "ProxyPort";
    public const string IAmAliveTime = "IAmAliveTime";

    private const string HostName = "HostName";
    private const string SiloName = "SiloName";
    private const string RoleName = "RoleName";
    private const string UpdateZone = "UpdateZone";
    private const string FaultZone = "FaultZone";
    private const string StartTime = "StartTime";
    private const string Suspectors = "Suspectors";
    private const string SuspectorSilo = "Silo";
    private const string SuspectorTime = "Time";

    public static Dictionary<string, AttributeValue> Key(string clusterId, string siloId) => new()
    {
        [ClusterId] = Attr.S(clusterId),
        [SiloId] = Attr.S(siloId),
    };

    public static string IdOf(SiloAddress address) => address.ToParsableString();

    public static Dictionary<string, AttributeValue> ToItem(string clusterId, MembershipEntry entry, long etag, int tableVersion)
    {
        var item = Key(clusterId, IdOf(entry.SiloAddress));
        item[ETag] = Attr.N(etag);
        item[MembershipVersion] = Attr.N(tableVersion);
        item[Status] = Attr.N((int)entry.Status);
        item[ProxyPort] = Attr.N(entry.ProxyPort);
        item[UpdateZone] = Attr.N(entry.UpdateZone);
        item[FaultZone] = Attr.N(entry.FaultZone);
        item[StartTime] = Attr.Time(entry.StartTime);
        item[IAmAliveTime] = Attr.Time(entry.IAmAliveTime);
        AddIfPresent(item, HostName, entry.HostName);
        AddIfPresent(item, SiloName, entry.SiloName);
        AddIfPresent(item, RoleName, entry.RoleName);
        if (entry.SuspectTimes is { Count: > 0 } suspects)
        {
            item[Suspectors] = new AttributeValue
            {
                L = [.. suspects.Select(s => new AttributeValue
                {
                    M = new Dictionary<string, AttributeValue>
                    {
                        [SuspectorSilo] = Attr.S(s.Item1.ToParsableString()),
                        [SuspectorTime] = Attr.Time(s.Item2),
                    },
                })],
            };
        }

        return item;
    }

    public static MembershipEntry ToEntry(Dictionary<string, AttributeValue> item)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(item.GetS(SiloId) ?? throw new FormatException("Membership item without a silo id.")),
            Status = (SiloStatus)item.GetN(Status),
            ProxyPort = (int)item.GetN(ProxyPort),
            UpdateZone = (int)item.GetN(UpdateZone),
            FaultZone = (int)item.GetN(FaultZone),
            StartTime = item.GetTime(StartTime),
            IAmAliveTime = item.GetTime(IAmAliveTime),
            HostName = item.GetS(HostName) ?? string.Empty,
            SiloName = item.GetS(SiloName) ?? string.Empty,
            RoleName = item.GetS(RoleName),
        };
        if (item.TryGetValue(Suspectors, out var suspectors) && suspectors.L is { Count: > 0 } list)
        {
            entry.SuspectTimes = [.. list.Select(s => Tuple.Create(
                SiloAddress.FromParsableString(s.M[SuspectorSilo].S),
                Attr.ParseTime(s.M[SuspectorTime].S)))];
        }

        return entry;
    }

    public static string EtagOf(Dictionary<string, AttributeValue> item) =>
        item.GetN(ETag).ToString(CultureInfo.InvariantCulture);

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = Attr.S(value);
        }
    }
}
