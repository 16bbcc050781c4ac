using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>
/// The Rules sheet, aggregated while the findings stream by: memory grows with rules × accounts,
/// never with the number of findings.
/// </summary>
internal sealed class RuleTally
{
    private readonly Dictionary<string, (HashSet<string> Accounts, int Resources)> _rules = new(StringComparer.Ordinal);

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
            entry = (new HashSet<string>(StringComparer.Ordinal), 0);
        }

        entry.Accounts.Add(finding.AccountId);
        _rules[finding.RuleName] = (entry.Accounts, entry.Resources + 1);
    }

    /// <summary>Worst rules first: most accounts, then most resources, then by name.</summary>
    public IReadOnlyList<RuleSummary> Summaries() =>
    [
        .. _rules
            .Select(pair => new RuleSummary(pair.Key, pair.Value.Accounts.Count, pair.Value.Resources))
            .OrderByDescending(rule => rule.AccountsNonCompliant)
            .ThenByDescending(rule => rule.NonCompliantResources)
            .ThenBy(rule => rule.RuleName, StringComparer.Ordinal),
    ];
}
