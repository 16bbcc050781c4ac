using System.Collections.Concurrent;
using ComplianceReport.Compliance.Diagnostics;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// An organization whose accounts, their status and account tags a test changes between runs, recording every
/// read of account tags (one list of ids per <see cref="ReadAsync"/> call, in call order). Each
/// region read takes a moment, so a run has scanning time in which to renew cached tags.
/// </summary>
public sealed class TaggedOrganization : IOrganizationDiscovery, IComplianceReader, IAccountTagReader
{
    private readonly ConcurrentQueue<ConcurrentQueue<string>> _tagReads = new();
    private readonly ConcurrentDictionary<string, byte> _regionsRead = new(StringComparer.Ordinal);

    public IReadOnlyList<string> AccountIds { get; set; } = [];

    /// <summary>What every account's Owner tag says now.</summary>
    public string TagVersion { get; set; } = "v1";

    /// <summary>When true, ListTagsForResource is refused for every account.</summary>
    public bool TagsDenied { get; set; }

    /// <summary>Accounts the walk lists as suspended.</summary>
    public IReadOnlySet<string> Suspended { get; set; } = new HashSet<string>();

    /// <summary>When set, the walk ends only once these accounts were read (or after half a minute).</summary>
    public IReadOnlyList<string> ReadBeforeWalkEnds { get; set; } = [];

    /// <summary>True when <see cref="ReadBeforeWalkEnds"/> were read before the walk returned.</summary>
    public bool ScannedDuringWalk { get; private set; }

    /// <summary>
    /// When above 0, every region read reports 20 GetComplianceDetailsByConfigRule calls, one throttled at this rate plus its
    /// account's first digit, and the walk one ListAccountsForParent call, throttled at this rate.
    /// </summary>
    public double ThrottledAt { get; set; }

    /// <summary>The start rates the pacing was given, by account id (the walk's under "walk"), of the latest scan.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> StartRatesSeen { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<IReadOnlyList<string>> TagReads => [.. _tagReads.Select(r => (IReadOnlyList<string>)[.. r])];

    public void ClearTagReads() => _tagReads.Clear();

    public static string Owner(string accountId, string version) => $"owner-{accountId[..3]}-{version}";

    public async Task<IReadOnlyList<OrganizationAccount>> DiscoverAsync(CancellationToken cancellationToken)
    {
        StartRatesSeen["walk"] = AwsCallCounters.Current?.StartRates ?? new Dictionary<string, double>();
        if (ThrottledAt > 0)
        {
            AwsCallCounters.Current?.ThrottledAt("ListAccountsForParent", ThrottledAt);
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (ReadBeforeWalkEnds.Any(id => !_regionsRead.ContainsKey(id)) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        ScannedDuringWalk = ReadBeforeWalkEnds.Count > 0 && ReadBeforeWalkEnds.All(_regionsRead.ContainsKey);
        return [.. AccountIds.Select(id => new OrganizationAccount(
            id, "account-" + id, id + "@example.com", Suspended.Contains(id) ? AccountStatus.Suspended : AccountStatus.Active, "Root/Prod"))];
    }

    public async Task<AccountTags> ReadAsync(IAsyncEnumerable<string> accountIds, CancellationToken cancellationToken)
    {
        var asked = new ConcurrentQueue<string>();
        _tagReads.Enqueue(asked);
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var id in accountIds.WithCancellation(cancellationToken))
        {
            asked.Enqueue(id);
            await Task.Delay(20, cancellationToken);
            if (TagsDenied)
            {
                failed[id] = "AccessDeniedException: not authorized to perform organizations:ListTagsForResource";
            }
            else
            {
                tags[id] = new Dictionary<string, string>(StringComparer.Ordinal) { ["Owner"] = Owner(id, TagVersion) };
            }
        }

        return failed.Count == 0 ? new AccountTags(tags, null) : new AccountTags(tags, AccountTags.FailureSummary(failed, asked.Count)) { Failed = failed };
    }

    public async Task<RegionSnapshot> ReadRegionAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        _regionsRead.TryAdd(accountId, 0);
        StartRatesSeen[accountId] = AwsCallCounters.Current?.StartRates ?? new Dictionary<string, double>();
        if (ThrottledAt > 0)
        {
            // One call in 20 throttled: not often enough to start the next run below the limit found.
            for (var i = 0; i < 19; i++)
            {
                AwsCallCounters.Current?.Answered("GetComplianceDetailsByConfigRule");
            }

            AwsCallCounters.Current?.ThrottledAt("GetComplianceDetailsByConfigRule", ThrottledAt + (accountId[0] - '0'));
        }

        await Task.Delay(300, cancellationToken);
        var finding = new ResourceEvaluation(
            "s3-bucket-versioning-enabled",
            "AWS::S3::Bucket",
            $"bucket-{accountId}",
            ComplianceType.NonCompliant,
            "versioning is off",
            DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            $"bucket-{accountId}",
            new Dictionary<string, string>());
        return new RegionSnapshot(
            accountId,
            region,
            RegionScanStatus.Scanned,
            null,
            [new RuleCompliance(finding.RuleName, ComplianceType.NonCompliant, 1)],
            [finding],
            DateTimeOffset.UtcNow);
    }
}
