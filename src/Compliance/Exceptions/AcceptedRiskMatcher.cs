using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Exceptions;

/// <summary>
/// Decides which exceptions entry covers a finding. Within an entry every named field must match
/// (an omitted field matches anything); across entries the first active one in file order wins,
/// and an expired entry is reported only when no active one matches.
/// Accounts: a 12-digit id matches that account; any other value is a glob over
/// <c>&lt;OU path&gt;/&lt;account id&gt;</c> where <c>*</c> stays within one OU level and <c>**</c>
/// crosses levels, so <c>Root/Sandbox/*</c> is the accounts directly in Sandbox and
/// <c>Root/Sandbox/**</c> everything below it. Resources: a glob over the resource id or its name.
/// </summary>
public sealed class AcceptedRiskMatcher
{
    private readonly IReadOnlyList<CompiledEntry> _entries;

    public AcceptedRiskMatcher(IEnumerable<AcceptedRisk> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.Select(Compile).ToList();
    }

    public static AcceptedRiskMatcher Empty { get; } = new([]);

    public bool IsEmpty => _entries.Count == 0;

    /// <returns>The covering entry, or null when none matches.</returns>
    public AcceptedRiskMatch? Match(OrganizationAccount account, string region, string ruleName, string resourceType, string resourceId, string? resourceName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(account);
        AcceptedRiskMatch? expired = null;
        var accountPath = $"{account.OuPath}/{account.AccountId}";
        foreach (var entry in _entries)
        {
            if (!entry.Matches(account.AccountId, accountPath, region, ruleName, resourceType, resourceId, resourceName))
            {
                continue;
            }

            if (entry.Source.IsActiveOn(today))
            {
                return new AcceptedRiskMatch(entry.Source, Expired: false);
            }

            expired ??= new AcceptedRiskMatch(entry.Source, Expired: true);
        }

        return expired;
    }

    /// <summary>Convenience overload for a finding of the account.</summary>
    public AcceptedRiskMatch? Match(OrganizationAccount account, Finding finding, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Match(account, finding.Region, finding.RuleName, finding.ResourceType, finding.ResourceId, finding.ResourceName, today);
    }

    private static CompiledEntry Compile(AcceptedRisk entry)
    {
        var accountIds = new HashSet<string>(StringComparer.Ordinal);
        var ouGlobs = new List<Glob>();
        foreach (var account in entry.Accounts)
        {
            if (account.Length == 12 && account.All(char.IsAsciiDigit))
            {
                accountIds.Add(account);
            }
            else
            {
                // A plain OU path (no wildcard) means the accounts anywhere below that OU.
                var pattern = account.Contains('*', StringComparison.Ordinal) || account.Contains('?', StringComparison.Ordinal) ? account : account.TrimEnd('/') + "/**";
                ouGlobs.Add(Parse(pattern, '/', entry));
            }
        }

        return new CompiledEntry(
            entry,
            accountIds,
            ouGlobs,
            entry.Regions.Select(r => Parse(r, null, entry)).ToList(),
            entry.Rules.Select(r => Parse(r, null, entry)).ToList(),
            entry.ResourceTypes.Select(t => Parse(t, null, entry)).ToList(),
            entry.Resources.Select(r => Parse(r, null, entry)).ToList());
    }

    private static Glob Parse(string pattern, char? separator, AcceptedRisk entry) =>
        Glob.TryParse(pattern, separator, out var glob, out var error)
            ? glob
            : throw new ArgumentException($"Exception '{entry.Id}': '{pattern}' is not a valid glob: it {error}", nameof(entry));

    private sealed record CompiledEntry(
        AcceptedRisk Source,
        HashSet<string> AccountIds,
        List<Glob> OuGlobs,
        List<Glob> Regions,
        List<Glob> Rules,
        List<Glob> ResourceTypes,
        List<Glob> Resources)
    {
        public bool Matches(string accountId, string accountPath, string region, string rule, string type, string id, string? name)
        {
            if ((AccountIds.Count > 0 || OuGlobs.Count > 0) && !AccountIds.Contains(accountId) && !OuGlobs.Exists(g => g.IsMatch(accountPath)))
            {
                return false;
            }

            return Any(Regions, region)
                && Any(Rules, rule)
                && Any(ResourceTypes, type)
                && (Resources.Count == 0 || Resources.Exists(g => g.IsMatch(id) || (name is not null && g.IsMatch(name))));
        }

        private static bool Any(List<Glob> globs, string value) => globs.Count == 0 || globs.Exists(g => g.IsMatch(value));
    }
}
