using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>
/// Where each rule has its non-compliant resources, counted while the findings stream by (memory
/// grows with rules x regions, never with findings): a rule's console link opens its main region.
/// </summary>
internal sealed class RuleRegions
{
    private readonly Dictionary<string, Dictionary<string, int>> _rules = new(StringComparer.Ordinal);

    public void Add(Finding finding)
    {
        if (finding.Compliance != ComplianceType.NonCompliant)
        {
            return;
        }

        if (!_rules.TryGetValue(finding.RuleName, out var regions))
        {
            regions = new Dictionary<string, int>(StringComparer.Ordinal);
            _rules.Add(finding.RuleName, regions);
        }

        regions[finding.Region] = regions.GetValueOrDefault(finding.Region) + 1;
    }

    /// <summary>The region where the rule has the most non-compliant resources (ties: first by name).</summary>
    public string? MainRegion(string ruleName) =>
        _rules.TryGetValue(ruleName, out var regions)
            ? regions.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).FirstOrDefault()
            : null;
}
