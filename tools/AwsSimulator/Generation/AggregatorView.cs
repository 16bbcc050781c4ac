using System.Collections.Concurrent;
using System.Globalization;
using ComplianceReport.AwsSimulator.Model;

namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// The organization's Config aggregator over the same generated world: which account hosts it
/// (a member in the Audit OU, as Control Tower places it), which accounts and regions it covers,
/// their source status (FAILED/OUTDATED faults), and its data, which trails the accounts' own by
/// <see cref="SimulatorOptions.AggregatorLagWeeks"/> weeks.
/// </summary>
internal sealed class AggregatorView
{
    private readonly ComplianceWorld _world;
    private readonly int _seed;
    private readonly int _lagWeeks;
    private readonly HashSet<string> _missing;
    private readonly Dictionary<(string Account, string Region), string> _faults;
    private readonly ConcurrentDictionary<(string Account, string Region, int Week), RegionState> _lagged = new();

    public AggregatorView(ComplianceWorld world, SimulatorOptions options)
    {
        _world = world;
        _seed = options.Seed;
        _lagWeeks = options.AggregatorLagWeeks;
        Name = options.AggregatorName;
        var organization = world.Organization;
        Region = organization.Regions[0];
        // Not the hub's account when there is another: the aggregator usually lives in the Audit account.
        var members = organization.Accounts.Where(a => !a.IsManagement && !a.IsSuspended && !a.IsDenied)
            .OrderBy(a => a.Id == organization.HubAccountId)
            .ToList();
        AccountId = (members.FirstOrDefault(a => a.OuPath.Contains("/Audit", StringComparison.Ordinal)) ?? members.FirstOrDefault())?.Id
            ?? organization.ManagementAccountId;

        // Disjoint fault groups by a seeded shuffle of the active members other than the aggregator's own.
        var order = organization.Accounts
            .Where(a => !a.IsManagement && !a.IsSuspended && a.Id != AccountId)
            .OrderBy(a => StableHash.Of(_seed, "aggregator-faults", a.Id))
            .ToList();
        _missing = order.Take(options.AggregatorMissingAccounts).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        _faults = new Dictionary<(string, string), string>();
        foreach (var (account, i) in order.Skip(options.AggregatorMissingAccounts).Take(options.AggregatorFailedSources + options.AggregatorOutdatedSources).Select((a, i) => (a, i)))
        {
            var region = organization.Regions[(int)(StableHash.Of(_seed, "aggregator-fault-region", account.Id) % (ulong)organization.Regions.Count)];
            _faults[(account.Id, region)] = i < options.AggregatorFailedSources ? "FAILED" : "OUTDATED";
        }
    }

    public string Name { get; }

    public string AccountId { get; }

    public string Region { get; }

    /// <summary>The week whose data the aggregator serves.</summary>
    public int Week => Math.Max(0, _world.Week - _lagWeeks);

    /// <summary>Active accounts the aggregator covers, in ListAccounts order.</summary>
    public IEnumerable<SimulatedAccount> CoveredAccounts =>
        _world.Organization.Accounts.Where(a => !a.IsSuspended && !_missing.Contains(a.Id));

    public bool Covers(string accountId) =>
        _world.FindAccount(accountId) is { IsSuspended: false } && !_missing.Contains(accountId);

    public IEnumerable<AggregatorSource> Sources()
    {
        var updated = RegionState.WeekZero.AddDays(7 * Week).AddHours(-1);
        foreach (var account in CoveredAccounts)
        {
            foreach (var region in _world.Organization.Regions)
            {
                yield return _faults.GetValueOrDefault((account.Id, region)) switch
                {
                    "FAILED" => new AggregatorSource(
                        account.Id,
                        region,
                        "FAILED",
                        updated,
                        "AccessDeniedException",
                        string.Create(CultureInfo.InvariantCulture, $"AWS Config could not collect data from account {account.Id} in {region}: the service-linked role is not authorized.")),
                    "OUTDATED" => new AggregatorSource(account.Id, region, "OUTDATED", updated.AddDays(-14), null, null),
                    _ => new AggregatorSource(account.Id, region, "SUCCEEDED", updated, null, null),
                };
            }
        }
    }

    /// <summary>The aggregator's copy of an account-region's Config data, or null when it does not cover it.</summary>
    public RegionState? State(string accountId, string region)
    {
        if (!Covers(accountId) || !_world.Organization.Regions.Contains(region, StringComparer.Ordinal))
        {
            return null;
        }

        var current = _world.GetState(accountId, region);
        var week = Week;
        return current.Week == week ? current : _lagged.GetOrAdd((accountId, region, week), _ => new RegionState(_seed, current.Data, week, current.FixingTeamsPerWeek, current.AccountOwner));
    }
}
