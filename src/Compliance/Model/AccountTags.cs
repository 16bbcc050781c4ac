namespace ComplianceReport.Compliance.Model;

/// <summary>
/// The member accounts' tags as Organizations reported them, read once per run.
/// <see cref="Unavailable"/> says why they could not be read (for example AccessDenied on
/// ListTagsForResource); the run then resolves owners without account tags and says so once.
/// </summary>
public sealed record AccountTags(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByAccountId,
    string? Unavailable)
{
    public static AccountTags None { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>(), null);

    public static AccountTags Denied(string reason) => new(new Dictionary<string, IReadOnlyDictionary<string, string>>(), reason);

    public IReadOnlyDictionary<string, string> For(string accountId) =>
        ByAccountId.TryGetValue(accountId, out var tags) ? tags : EmptyTags;

    private static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>();
}
