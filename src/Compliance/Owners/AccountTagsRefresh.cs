using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Owners;

/// <summary>
/// Which account tags a run reads and which it takes from the cache. An account the cache does
/// not hold, or whose tags it has held for <c>maxAge</c> or longer, must be read before the run
/// evaluates. The others may be read again while accounts still scan, the longest unread first,
/// so each run renews what its own time allows and tags seldom reach <c>maxAge</c>. An account
/// whose read failed is cached as failed (and still reported as such) until a later read
/// succeeds, rather than read again before every evaluation: with many such accounts the must-read
/// chain would grow back to one call per account.
/// </summary>
public sealed class AccountTagsRefresh(AccountTagsCache cache, TimeSpan maxAge, DateTimeOffset now)
{
    public bool MustRead(string accountId) =>
        !cache.ByAccountId.TryGetValue(accountId, out var cached) || (cached.Failure is null && now - cached.ReadAt >= maxAge);

    /// <summary>The accounts that need no read before evaluation, the longest unread first.</summary>
    public IEnumerable<string> Stalest(IEnumerable<string> accountIds) =>
        accountIds
            .Distinct(StringComparer.Ordinal)
            .Where(id => !MustRead(id))
            .OrderBy(id => cache.ByAccountId[id].ReadAt)
            .ThenBy(id => id, StringComparer.Ordinal);

    /// <summary>
    /// The run's tags: those just read, the cached ones for the rest. Accounts whose latest read
    /// failed (now, or when last asked with nothing read since) are summed up in
    /// <see cref="AccountTags.Unavailable"/>; a role refused outright keeps the reader's reason.
    /// </summary>
    public AccountTags Tags(AccountTags read, IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(accountIds);
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var failedNow = new Dictionary<string, string>(StringComparer.Ordinal);
        var failedBefore = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in accountIds)
        {
            cache.ByAccountId.TryGetValue(id, out var cached);
            if (read.ByAccountId.TryGetValue(id, out var fresh))
            {
                tags[id] = fresh;
                continue;
            }

            if (read.Failed.TryGetValue(id, out var reason))
            {
                failedNow[id] = reason;
            }
            else if (cached?.Failure is { } earlier)
            {
                failedBefore[id] = earlier;
            }

            if (cached is { Failure: null })
            {
                tags[id] = cached.Tags;
            }
        }

        var unavailable = (failedNow.Count, failedBefore.Count) switch
        {
            (0, 0) => read.Unavailable,
            (_, 0) => AccountTags.FailureSummary(failedNow, accountIds.Count),
            (0, _) => AccountTags.FailureSummary(failedBefore, accountIds.Count, " when last asked"),
            _ => AccountTags.FailureSummary(failedNow.Concat(failedBefore).ToDictionary(StringComparer.Ordinal), accountIds.Count, " (some when last asked)"),
        };
        return new AccountTags(tags, unavailable) { Failed = failedNow.Concat(failedBefore).ToDictionary(StringComparer.Ordinal) };
    }

    /// <summary>
    /// The cache the next run starts from: the accounts of this run's organization only (the walk
    /// is the authority), each with its latest read; a failed read does not replace tags read before.
    /// </summary>
    public AccountTagsCache Next(IEnumerable<string> accountIds, DateTimeOffset readAt, params AccountTags[] reads)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(reads);
        var next = new Dictionary<string, CachedAccountTags>(StringComparer.Ordinal);
        foreach (var id in accountIds)
        {
            cache.ByAccountId.TryGetValue(id, out var cached);
            var fresh = reads.Select(r => r.ByAccountId.GetValueOrDefault(id)).LastOrDefault(t => t is not null);
            var failure = reads.Select(r => r.Failed.GetValueOrDefault(id)).LastOrDefault(f => f is not null);
            if (fresh is not null)
            {
                next[id] = new CachedAccountTags(fresh, readAt);
            }
            else if (cached is { Failure: null })
            {
                next[id] = cached;
            }
            else if (failure is not null)
            {
                next[id] = new CachedAccountTags(new Dictionary<string, string>(), readAt, failure);
            }
            else if (cached is not null)
            {
                next[id] = cached;
            }
        }

        return new AccountTagsCache(next);
    }
}
