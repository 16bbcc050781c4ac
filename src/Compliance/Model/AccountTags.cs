using System.Globalization;

namespace ComplianceReport.Compliance.Model;

/// <summary>
/// The member accounts' tags as Organizations reported them, read once per run.
/// <see cref="Unavailable"/> says why they could not be read (for example AccessDenied on
/// ListTagsForResource); the run then resolves owners without account tags and says so once.
/// <see cref="Failed"/> names each account whose read failed, with the reason.
/// </summary>
public sealed record AccountTags(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByAccountId,
    string? Unavailable)
{
    public const string Operation = "ListTagsForResource";

    // Before None: static fields initialize in order, and None's Failed reads NoFailures.
    private static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>();

    private static readonly IReadOnlyDictionary<string, string> NoFailures = new Dictionary<string, string>();

    public static AccountTags None { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>(), null);

    public IReadOnlyDictionary<string, string> Failed { get; init; } = NoFailures;

    public static AccountTags Denied(string reason) => new(new Dictionary<string, IReadOnlyDictionary<string, string>>(), reason);

    /// <summary>The one line a run logs and shows for accounts whose tags could not be read.</summary>
    public static string FailureSummary(IReadOnlyDictionary<string, string> failed, int accountCount, string? when = null)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var first = failed.OrderBy(f => f.Key, StringComparer.Ordinal).First();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Operation} failed for {failed.Count} of {accountCount} accounts{when} (first {first.Key}: {first.Value})");
    }

    public IReadOnlyDictionary<string, string> For(string accountId) =>
        ByAccountId.TryGetValue(accountId, out var tags) ? tags : EmptyTags;
}
