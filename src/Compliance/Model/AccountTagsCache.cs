namespace ComplianceReport.Compliance.Model;

/// <summary>
/// The organization's account tags as the latest runs read them, kept from run to run: reading
/// them costs one paced Organizations call per account in the management account, a chain longer
/// than the whole scan, and owner tags on accounts change rarely.
/// </summary>
public sealed record AccountTagsCache(IReadOnlyDictionary<string, CachedAccountTags> ByAccountId)
{
    public static AccountTagsCache Empty { get; } = new(new Dictionary<string, CachedAccountTags>(StringComparer.Ordinal));
}
