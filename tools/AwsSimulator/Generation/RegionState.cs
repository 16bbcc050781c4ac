using System.Globalization;

namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// Compliance of one account and region in one simulated week. Week 0 is drawn from each rule's
/// failure probability; every later week resolves a quarter of the findings and opens new ones at
/// the rate that keeps the share steady, each decision a hash of (seed, account, region, rule,
/// resource, week), so any week can be recomputed exactly. Teams picked to fix everything in a
/// week (<see cref="SimulatorOptions.FixingTeamsPerWeek"/>) have no findings left that week, on
/// resources tagged with their name and on the untagged resources of accounts tagged with it.
/// </summary>
internal sealed class RegionState
{
    /// <summary>Monday of week 0; evaluation times fall in the six days before each week's start.</summary>
    public static readonly DateTimeOffset WeekZero = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private const double ResolveRate = 0.25;

    private readonly int _seed;
    private readonly bool[][] _nonCompliant;
    private readonly int[] _nonCompliantCounts;

    /// <param name="accountOwner">The account's Owner (or Team) tag: the owner of its untagged resources.</param>
    public RegionState(int seed, RegionData data, int week, int fixingTeamsPerWeek = 0, string? accountOwner = null)
    {
        FixingTeamsPerWeek = fixingTeamsPerWeek;
        AccountOwner = accountOwner;
        _seed = seed;
        Data = data;
        Week = week;
        _nonCompliant = new bool[data.Rules.Length][];
        _nonCompliantCounts = new int[data.Rules.Length];
        var weeks = Enumerable.Range(0, week + 1).Select(w => w.ToString(CultureInfo.InvariantCulture)).ToArray();
        var fixing = Enumerable.Range(0, week + 1).Select(w => RegionGenerator.TeamsFixingIn(seed, w, fixingTeamsPerWeek)).ToArray();
        for (var r = 0; r < data.Rules.Length; r++)
        {
            var rule = data.Rules[r];
            var flags = new bool[rule.ResourceIndexes.Length];
            var p = rule.FailureProbability;
            var openRate = Math.Min(1.0, p * ResolveRate / (1 - p));
            var rulePrefix = StableHash.Append(StableHash.Start(seed), "eval", data.AccountId, data.Region, rule.Name);
            for (var e = 0; e < flags.Length; e++)
            {
                var resource = data.Resources[rule.ResourceIndexes[e]];
                var prefix = StableHash.Append(rulePrefix, resource.Id);
                var owner = fixingTeamsPerWeek == 0 ? null : Array.Find(resource.Tags, t => t.Key == "Owner").Value ?? accountOwner;
                var nonCompliant = Draw(prefix, weeks[0]) < p;
                for (var w = 1; w <= week; w++)
                {
                    var draw = Draw(prefix, weeks[w]);
                    nonCompliant = owner is not null && fixing[w].Contains(owner) ? false
                        : nonCompliant ? draw >= ResolveRate : draw < openRate;
                }

                flags[e] = nonCompliant;
                if (nonCompliant)
                {
                    _nonCompliantCounts[r]++;
                }
            }

            _nonCompliant[r] = flags;
        }
    }

    public RegionData Data { get; }

    public int Week { get; }

    public int FixingTeamsPerWeek { get; }

    public string? AccountOwner { get; }

    public bool IsNonCompliant(int rule, int evaluation) => _nonCompliant[rule][evaluation];

    public int NonCompliantCount(int rule) => _nonCompliantCounts[rule];

    public string Compliance(int rule) =>
        Data.Rules[rule].ResourceIndexes.Length == 0 ? "INSUFFICIENT_DATA"
        : _nonCompliantCounts[rule] > 0 ? "NON_COMPLIANT" : "COMPLIANT";

    /// <summary>When Config recorded the evaluation: within the six days before this week's start.</summary>
    public DateTimeOffset RecordedTime(int rule, int evaluation)
    {
        var resourceId = Data.Resources[Data.Rules[rule].ResourceIndexes[evaluation]].Id;
        var offset = StableHash.Of(_seed, "time", Data.AccountId, Data.Region, Data.Rules[rule].Name, resourceId, Week.ToString(CultureInfo.InvariantCulture)) % (6 * 86_400UL);
        return WeekZero.AddDays(7 * Week).AddSeconds(-(double)offset - 60);
    }

    /// <summary>Equals StableHash.Unit(seed, "eval", account, region, rule, resource, week), with the prefix hashed once.</summary>
    private static double Draw(ulong prefix, string week) => StableHash.ToUnit(StableHash.Finish(StableHash.Append(prefix, week)));
}
