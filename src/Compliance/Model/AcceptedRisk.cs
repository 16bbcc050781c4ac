namespace ComplianceReport.Compliance.Model;

/// <summary>
/// One entry of the exceptions file: findings it covers are accepted until <see cref="Expires"/>
/// (inclusive). An empty list means "any". <see cref="Line"/> is the entry's line in the file.
/// </summary>
/// <param name="Accounts">12-digit account ids or OU path globs such as <c>Root/Sandbox/*</c>.</param>
/// <param name="Resources">Resource ids or names, or globs over them.</param>
public sealed record AcceptedRisk(
    string Id,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> ResourceTypes,
    IReadOnlyList<string> Resources,
    string Owner,
    string Reason,
    string? Ticket,
    DateOnly Approved,
    string ApprovedBy,
    DateOnly Expires,
    int Line)
{
    /// <summary>Whether the entry still applies on <paramref name="today"/>: the expiry day itself is included.</summary>
    public bool IsActiveOn(DateOnly today) => today <= Expires;
}
