using System.Collections.Concurrent;
using ComplianceReport.AwsSimulator.Model;

namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// The organization plus lazily generated Config data per account and region. Generated regions
/// are cached up to a bound; past it the cache is trimmed, which is safe because regeneration
/// gives the same data.
/// </summary>
internal sealed class ComplianceWorld
{
    private readonly int _seed;
    private readonly int _fixingTeamsPerWeek;
    private readonly int _maxCachedRegions;
    private readonly ConcurrentDictionary<(string Account, string Region), RegionState> _states = new();
    private readonly Dictionary<string, SimulatedAccount> _accounts;
    private readonly Dictionary<string, List<SimulatedOrganizationalUnit>> _unitsByParent;
    private readonly Dictionary<string, List<SimulatedAccount>> _accountsByParent;
    private long _generatedRegions;
    private int _week;

    public ComplianceWorld(SimulatorOptions options, int maxCachedRegions = 4096)
    {
        _seed = options.Seed;
        _fixingTeamsPerWeek = options.FixingTeamsPerWeek;
        _maxCachedRegions = maxCachedRegions;
        Organization = OrganizationGenerator.Generate(options);
        _accounts = Organization.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _unitsByParent = Organization.OrganizationalUnits.GroupBy(u => u.ParentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _accountsByParent = Organization.Accounts.GroupBy(a => a.ParentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public SimulatedOrganization Organization { get; }

    public int Week => Volatile.Read(ref _week);

    /// <summary>How many account-region generations ran (cache misses), for laziness checks.</summary>
    public long GeneratedRegions => Interlocked.Read(ref _generatedRegions);

    public SimulatedAccount? FindAccount(string accountId) => _accounts.GetValueOrDefault(accountId);

    public bool ParentExists(string parentId) =>
        parentId == Organization.RootId || Organization.OrganizationalUnits.Any(u => u.Id == parentId);

    public IReadOnlyList<SimulatedOrganizationalUnit> UnitsUnder(string parentId) =>
        _unitsByParent.TryGetValue(parentId, out var units) ? units : [];

    public IReadOnlyList<SimulatedAccount> AccountsUnder(string parentId) =>
        _accountsByParent.TryGetValue(parentId, out var accounts) ? accounts : [];

    public int AdvanceWeek() => Interlocked.Increment(ref _week);

    /// <summary>The account's Config data in a region as of the current week.</summary>
    public RegionState GetState(string accountId, string region)
    {
        var week = Week;
        var key = (accountId, region);
        if (_states.TryGetValue(key, out var state) && state.Week == week)
        {
            return state;
        }

        var data = state?.Data ?? Generate(accountId, region);
        var fresh = new RegionState(_seed, data, week, _fixingTeamsPerWeek, AccountOwner(accountId));
        if (_states.Count >= _maxCachedRegions)
        {
            Trim();
        }

        _states[key] = fresh;
        return fresh;
    }

    private string? AccountOwner(string accountId) =>
        FindAccount(accountId)?.Tags.FirstOrDefault(t => t.Key is "Owner" or "Team").Value;

    public SimulatedRegion View(string accountId, string region)
    {
        var state = GetState(accountId, region);
        var data = state.Data;
        var rules = new List<SimulatedRule>(data.Rules.Length);
        var findings = new List<SimulatedFinding>();
        for (var r = 0; r < data.Rules.Length; r++)
        {
            var rule = data.Rules[r];
            rules.Add(new SimulatedRule(rule.Name, rule.Template.ResourceType, state.Compliance(r), rule.ResourceIndexes.Length, state.NonCompliantCount(r)));
            for (var e = 0; e < rule.ResourceIndexes.Length; e++)
            {
                if (!state.IsNonCompliant(r, e))
                {
                    continue;
                }

                var resource = data.Resources[rule.ResourceIndexes[e]];
                findings.Add(new SimulatedFinding(
                    rule.Name,
                    resource.Type,
                    resource.Id,
                    resource.Name,
                    rule.Template.Annotation,
                    state.RecordedTime(r, e),
                    resource.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)));
            }
        }

        return new SimulatedRegion(accountId, region, data.HasRecorder, rules, findings);
    }

    private RegionData Generate(string accountId, string region)
    {
        Interlocked.Increment(ref _generatedRegions);
        var account = FindAccount(accountId);
        var hasRecorder = account is not null
            && Organization.Regions.Contains(region, StringComparer.Ordinal)
            && account.RegionWithoutRecorder != region;
        return RegionGenerator.Generate(_seed, accountId, region, hasRecorder);
    }

    private void Trim()
    {
        // Drop about a quarter; which ones does not matter for correctness.
        var drop = _states.Count / 4;
        foreach (var key in _states.Keys.Take(drop))
        {
            _states.TryRemove(key, out _);
        }
    }
}
