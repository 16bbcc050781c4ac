using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>
/// The Rules sheet, aggregated while the findings stream by: memory grows with rules × accounts
/// (and regions), never with the number of findings.
/// </summary>
internal sealed class RuleTally
{
    private readonly Dictionary<string, Entry> _rules = new(StringComparer.Ordinal);

    public int NonCompliantFindings { get; private set; }

    public void Add(Finding finding)
    {
        if (finding.Compliance != ComplianceType.NonCompliant)
        {
            return;
        }

        NonCompliantFindings++;
        if (!_rules.TryGetValue(finding.RuleName, out var entry))
        {
            entry = new Entry();
            _rules.Add(finding.RuleName, entry);
        }

        entry.Accounts.Add(finding.AccountId);
        entry.Resources++;
        entry.Regions[finding.Region] = entry.Regions.GetValueOrDefault(finding.Region) + 1;

        // The evaluate stage rates a rule once; the highest seen wins should two findings disagree.
        if (finding.Severity > entry.Severity)
        {
            entry.Severity = finding.Severity;
        }
    }

    /// <summary>Worst rules first: most severe, then most accounts, then most resources, then by name.</summary>
    public IReadOnlyList<RuleSummary> Summaries() =>
    [
        .. _rules
            .Select(pair => new RuleSummary(pair.Key, pair.Value.Accounts.Count, pair.Value.Resources, pair.Value.Severity))
            .OrderByDescending(rule => rule.Severity)
            .ThenByDescending(rule => rule.AccountsNonCompliant)
            .ThenByDescending(rule => rule.NonCompliantResources)
            .ThenBy(rule => rule.RuleName, StringComparer.Ordinal),
    ];

    /// <summary>The region where the rule has the most non-compliant resources (ties: first by name), for its console link.</summary>
    public string? MainRegion(string ruleName) =>
        _rules.TryGetValue(ruleName, out var entry)
            ? entry.Regions.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).FirstOrDefault()
            : null;

    private sealed class Entry
    {
        public HashSet<string> Accounts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Regions { get; } = new(StringComparer.Ordinal);

        public int Resources { get; set; }

        public Severity Severity { get; set; }
    }
}
