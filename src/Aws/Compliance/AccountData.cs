using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Aws.Compliance;

/// <summary>One account's compliance as the aggregator holds it, for all regions; cut into region snapshots.</summary>
internal sealed class AccountData(string accountId, DateTimeOffset collectedAt, string aggregatorName)
{
    private readonly Dictionary<string, List<RuleCompliance>> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ResourceEvaluation>> _findings = new(StringComparer.Ordinal);

    public List<RuleCompliance> Rules(string region) => Of(_rules, region);

    public List<ResourceEvaluation> Findings(string region) => Of(_findings, region);

    /// <summary>
    /// The region's snapshot. A region for which the aggregator holds no rule at all is reported as
    /// ConfigNotEnabled (no recorder or no rules there), never as a clean region.
    /// </summary>
    public RegionSnapshot Slice(string region)
    {
        var rules = _rules.GetValueOrDefault(region);
        if (rules is null or { Count: 0 })
        {
            return new RegionSnapshot(
                accountId,
                region,
                RegionScanStatus.ConfigNotEnabled,
                new ScanError(ScanErrorKind.ConfigNotEnabled, $"the Config aggregator {aggregatorName} holds no Config rule results for {region}: no recorder is recording or no rules are deployed there"),
                [],
                [],
                collectedAt);
        }

        var findings = _findings.GetValueOrDefault(region) ?? [];
        return new RegionSnapshot(
            accountId,
            region,
            RegionScanStatus.Scanned,
            null,
            rules.DistinctBy(r => r.RuleName, StringComparer.Ordinal).OrderBy(r => r.RuleName, StringComparer.Ordinal).ToList(),
            findings
                .OrderBy(e => e.RuleName, StringComparer.Ordinal)
                .ThenBy(e => e.ResourceType, StringComparer.Ordinal)
                .ThenBy(e => e.ResourceId, StringComparer.Ordinal)
                .ToList(),
            collectedAt);
    }

    private static List<T> Of<T>(Dictionary<string, List<T>> lists, string region)
    {
        if (!lists.TryGetValue(region, out var list))
        {
            lists[region] = list = [];
        }

        return list;
    }
}
