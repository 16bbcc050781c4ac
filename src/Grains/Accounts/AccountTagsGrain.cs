using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;

namespace ComplianceReport.Grains.Accounts;

/// <summary>Holds the account tags cache between runs (see <see cref="IAccountTagsGrain"/>).</summary>
public sealed class AccountTagsGrain(
    [PersistentState("account-tags", GrainStorageNames.Compliance)] IPersistentState<AccountTagsState> state) : Grain, IAccountTagsGrain
{
    public Task<AccountTagsCache> GetAsync(CancellationToken cancellationToken) => Task.FromResult(state.State.Cache);

    public async Task RecordAsync(AccountTagsCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var held = state.State.Cache.ByAccountId;
        var next = new Dictionary<string, CachedAccountTags>(StringComparer.Ordinal);
        foreach (var (accountId, tags) in cache.ByAccountId)
        {
            next[accountId] = held.TryGetValue(accountId, out var newer) && newer.ReadAt > tags.ReadAt ? newer : tags;
        }

        state.State.Cache = new AccountTagsCache(next);
        await state.WriteStateAsync(cancellationToken);
    }
}
