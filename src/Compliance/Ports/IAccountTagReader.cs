using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Ports;

/// <summary>Reads the member accounts' tags from Organizations (fetch stage).</summary>
public interface IAccountTagReader
{
    /// <summary>
    /// Tags of each account, read as the ids arrive (a run feeds them while discovery still
    /// lists the organization, so the per-account calls overlap the walk); duplicates are read once.
    /// The next id is pulled only when a read can start, so a caller may stop yielding ids to stop
    /// reading. Accounts whose read failed are in <see cref="AccountTags.Failed"/>.
    /// Never throws for a denial: when Organizations refuses (ListTagsForResource not granted),
    /// returns <see cref="AccountTags.Denied"/> with the reason, so owners resolve without account
    /// tags and the run says so once.
    /// </summary>
    Task<AccountTags> ReadAsync(IAsyncEnumerable<string> accountIds, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync"/>, for reads the caller may cut short: once <paramref name="stop"/>
    /// fires no further id is pulled, reads still waiting for their turn at the pacing are dropped
    /// rather than waited for, and the tags read by then are returned. A reader that cannot drop
    /// reads finishes those started.
    /// </summary>
    Task<AccountTags> ReadUntilAsync(IAsyncEnumerable<string> accountIds, CancellationToken stop, CancellationToken cancellationToken) =>
        ReadAsync(accountIds, cancellationToken);
}
