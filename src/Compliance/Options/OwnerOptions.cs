namespace ComplianceReport.Compliance.Options;

/// <summary><c>Report:Owners</c>: where a finding's owner comes from.</summary>
public sealed class OwnerOptions
{
    public static readonly IReadOnlyList<string> DefaultTagKeys = ["Owner", "owner", "Team"];

    /// <summary>
    /// <c>Report:Owners:ResourceTagKeys</c>: tag keys tried in order on the resource, then on the
    /// account. Empty means <see cref="DefaultTagKeys"/> (a default list in the property would be
    /// appended to, not replaced, by configuration binding).
    /// </summary>
    public List<string> ResourceTagKeys { get; set; } = [];

    /// <summary>
    /// <c>Report:Owners:ByOuPath</c>: OU path (such as <c>Root/Prod/Payments</c>) to owner, for
    /// accounts in that OU or below it; the longest matching path wins.
    /// </summary>
    public Dictionary<string, string> ByOuPath { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> EffectiveTagKeys => ResourceTagKeys.Count == 0 ? DefaultTagKeys : ResourceTagKeys;
}
