using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Evaluation;

/// <summary>
/// The Changes sheet's content: non-compliant findings that appeared or went away between two runs.
/// Pure, so the report grain can compute it from two persisted findings sets.
/// </summary>
public static class FindingChanges
{
    /// <summary>
    /// Compares the NON_COMPLIANT findings of two runs by <see cref="Finding.Key"/>: a key
    /// non-compliant now but not before is <see cref="ChangeKind.New"/> (this includes a resource
    /// that flipped from compliant); a key non-compliant before but not now is
    /// <see cref="ChangeKind.Resolved"/> and carries the previous finding. Findings of other
    /// compliance types only matter through their absence from the non-compliant sets.
    /// </summary>
    /// <returns>New changes first, then resolved ones, each ordered by account, region, rule,
    /// resource type and resource id (ordinal), so two calls on the same input agree.</returns>
    public static IReadOnlyList<FindingChange> Compute(IEnumerable<Finding> previous, IEnumerable<Finding> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);

        var before = NonCompliantByKey(previous);
        var now = NonCompliantByKey(current);

        var changes = new List<FindingChange>();
        foreach (var (key, finding) in now)
        {
            if (!before.ContainsKey(key))
            {
                changes.Add(new FindingChange(ChangeKind.New, finding));
            }
        }

        foreach (var (key, finding) in before)
        {
            if (!now.ContainsKey(key))
            {
                changes.Add(new FindingChange(ChangeKind.Resolved, finding));
            }
        }

        changes.Sort(CompareChanges);
        return changes;
    }

    private static Dictionary<FindingKey, Finding> NonCompliantByKey(IEnumerable<Finding> findings)
    {
        var byKey = new Dictionary<FindingKey, Finding>();
        foreach (var finding in findings)
        {
            // The first occurrence wins, so duplicated input cannot make the result order-dependent
            // beyond the input's own order.
            if (finding.Compliance == ComplianceType.NonCompliant)
            {
                byKey.TryAdd(finding.Key, finding);
            }
        }

        return byKey;
    }

    private static int CompareChanges(FindingChange x, FindingChange y)
    {
        var byKind = x.Kind.CompareTo(y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var a = x.Finding;
        var b = y.Finding;
        var result = string.CompareOrdinal(a.AccountId, b.AccountId);
        if (result == 0)
        {
            result = string.CompareOrdinal(a.Region, b.Region);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(a.RuleName, b.RuleName);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(a.ResourceType, b.ResourceType);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(a.ResourceId, b.ResourceId);
        }

        return result;
    }
}
