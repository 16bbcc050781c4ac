using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Compliance.Owners;

/// <summary>
/// A finding's owner, in this order: the resource's tag (<c>Report:Owners:ResourceTagKeys</c>,
/// first key present wins), the account's tag under the same keys (read once per run from
/// Organizations), the most specific <c>Report:Owners:ByOuPath</c> entry covering the account's
/// OU, else <see cref="ResolvedOwner.UnassignedName"/>.
/// </summary>
public sealed class OwnerResolver
{
    private readonly IReadOnlyList<string> _tagKeys;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _byOuPath;

    public OwnerResolver(IOptions<ReportEvaluationOptions> options)
        : this(options?.Value.Owners ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public OwnerResolver(OwnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tagKeys = options.EffectiveTagKeys;

        // Longest path first, so the most specific OU wins.
        _byOuPath = options.ByOuPath
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .Select(pair => KeyValuePair.Create(pair.Key.TrimEnd('/'), pair.Value.Trim()))
            .OrderByDescending(pair => pair.Key.Length)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
    }

    public ResolvedOwner Resolve(IReadOnlyDictionary<string, string> resourceTags, OrganizationAccount account, AccountTags accountTags)
    {
        ArgumentNullException.ThrowIfNull(resourceTags);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(accountTags);
        if (FromTags(resourceTags) is { } fromResource)
        {
            return new ResolvedOwner(fromResource, OwnerSource.ResourceTag);
        }

        if (FromTags(accountTags.For(account.AccountId)) is { } fromAccount)
        {
            return new ResolvedOwner(fromAccount, OwnerSource.AccountTag);
        }

        return ForOuPath(account.OuPath) is { } fromOu ? new ResolvedOwner(fromOu, OwnerSource.OuPath) : ResolvedOwner.Unassigned;
    }

    private string? FromTags(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count == 0)
        {
            return null;
        }

        foreach (var key in _tagKeys)
        {
            if (tags.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    private string? ForOuPath(string ouPath)
    {
        foreach (var (path, owner) in _byOuPath)
        {
            if (ouPath.Length >= path.Length
                && ouPath.StartsWith(path, StringComparison.Ordinal)
                && (ouPath.Length == path.Length || ouPath[path.Length] == '/'))
            {
                return owner;
            }
        }

        return null;
    }
}
