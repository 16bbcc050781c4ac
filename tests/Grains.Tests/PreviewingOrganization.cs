using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// An organization whose preview is not the walk's list: it names a stray account the walk does
/// not return and misses one the walk does. The walk ends only once the previewed accounts have
/// been read (or after a minute), so a run that scans while it walks is told apart from one that waits.
/// </summary>
public sealed class PreviewingOrganization : IOrganizationDiscovery, IComplianceReader, IAccountTagReader
{
    public static readonly OrganizationAccount Previewed = new("111111111111", "previewed", "p@example.com", AccountStatus.Active, "Root/Prod/Payments");
    public static readonly OrganizationAccount WalkOnly = new("222222222222", "walk-only", "w@example.com", AccountStatus.Active, "Root/Dev");
    public static readonly OrganizationAccount Stray = new("333333333333", "stray", "s@example.com", AccountStatus.Active, string.Empty);

    private readonly TaskCompletionSource _previewRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, byte> _read = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _previewTagsAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True when the previewed accounts were read before the walk returned its list.</summary>
    public bool ScannedDuringWalk { get; private set; }

    /// <summary>True when the previewed account's tags were asked for before the walk returned its list.</summary>
    public bool TagsAskedDuringWalk { get; private set; }

    /// <summary>Every account id the tag reader was given, in order.</summary>
    public ConcurrentQueue<string> TagsAsked { get; } = new();

    public async Task<IReadOnlyList<OrganizationAccount>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var timeout = Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
        ScannedDuringWalk = await Task.WhenAny(_previewRead.Task, timeout) == _previewRead.Task;
        TagsAskedDuringWalk = await Task.WhenAny(_previewTagsAsked.Task, timeout) == _previewTagsAsked.Task;
        return [Previewed, WalkOnly];
    }

    public async Task<AccountTags> ReadAsync(IAsyncEnumerable<string> accountIds, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        await foreach (var id in accountIds.WithCancellation(cancellationToken))
        {
            TagsAsked.Enqueue(id);
            tags[id] = new Dictionary<string, string>(StringComparer.Ordinal) { ["Owner"] = $"team-{id[..3]}" };
            if (id == Previewed.AccountId)
            {
                _previewTagsAsked.TrySetResult();
            }
        }

        return new AccountTags(tags, null);
    }

    public async IAsyncEnumerable<OrganizationAccount> PreviewAccountsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return Previewed with { OuPath = string.Empty };
        yield return Stray;
    }

    public Task<RegionSnapshot> ReadRegionAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        _read.TryAdd(accountId, 0);
        if (_read.ContainsKey(Previewed.AccountId) && _read.ContainsKey(Stray.AccountId))
        {
            _previewRead.TrySetResult();
        }

        var finding = new ResourceEvaluation(
            "s3-bucket-versioning-enabled",
            "AWS::S3::Bucket",
            $"bucket-{accountId}",
            ComplianceType.NonCompliant,
            "versioning is off",
            DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            $"bucket-{accountId}",
            new Dictionary<string, string>());
        return Task.FromResult(new RegionSnapshot(
            accountId,
            region,
            RegionScanStatus.Scanned,
            null,
            [new RuleCompliance(finding.RuleName, ComplianceType.NonCompliant, 1)],
            [finding],
            DateTimeOffset.UtcNow));
    }
}
