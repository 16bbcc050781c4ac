using System.Runtime.CompilerServices;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Owners;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Grains.Interfaces.Accounts;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Reports;

/// <summary>
/// A run's account tags through the cache of earlier runs (<see cref="IAccountTagsGrain"/>): reads
/// before evaluation only what <see cref="AccountTagsRefresh"/> says must be read (new accounts,
/// tags older than <c>Organization:AccountTagsMaxAge</c>), renews the longest unread while the
/// accounts scan and stops when they are done, then keeps what was read for the next run.
/// One per run activation; without a reader (a host may register none) there are no account tags.
/// </summary>
internal sealed class RunAccountTags(
    IAccountTagReader? reader,
    IAccountTagsGrain cache,
    TimeSpan maxAge,
    TimeProvider time,
    string runId,
    ILogger logger)
{
    private AccountTagsRefresh? _refresh;
    private Task<AccountTags>? _required;
    private Task<AccountTags>? _renewal;

    /// <summary>Starts the reads the run must wait for, on ids as discovery yields them.</summary>
    public async Task StartAsync(IAsyncEnumerable<string> accountIds, CancellationToken cancellationToken)
    {
        if (_required is not null)
        {
            return;
        }

        AccountTagsCache cached;
        try
        {
            cached = await cache.GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReportRunLog.AccountTagsCacheFailed(logger, ex, runId, "read");
            cached = AccountTagsCache.Empty;
        }

        var refresh = _refresh = new AccountTagsRefresh(cached, maxAge, time.GetUtcNow());
        _required = ReadAsync(Required(refresh, accountIds, cancellationToken), CancellationToken.None, cancellationToken);
    }

    /// <summary>
    /// Once the required reads are done, reads the cached accounts again, the longest unread first,
    /// until <paramref name="scanDone"/>: the run's own time renews the cache at no cost to the run.
    /// </summary>
    public void StartRenewal(IReadOnlyCollection<string> accountIds, CancellationToken scanDone, CancellationToken cancellationToken)
    {
        if (_refresh is { } refresh && _required is { } required && _renewal is null)
        {
            // Reads still waiting for their turn when the scan ends are dropped: the run does not wait on renewals.
            _renewal = ReadAsync(Renewals(refresh, required, accountIds, scanDone), scanDone, cancellationToken);
        }
    }

    /// <summary>The tags the run evaluates with: those read now, the cache's for the rest.</summary>
    public async Task<AccountTags> TagsAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        await StartAsync(accountIds.ToAsyncEnumerable(), cancellationToken);
        var read = await _required!;
        var tags = _refresh!.Tags(read, accountIds);
        if (tags.Unavailable is { } reason)
        {
            ReportRunLog.AccountTagsUnavailable(logger, runId, reason);
        }

        return tags;
    }

    /// <summary>Keeps what this run read for the next one; a cache that cannot be saved costs the next run time, never this run.</summary>
    public async Task SaveAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        if (_refresh is not { } refresh || _required is not { } required)
        {
            return;
        }

        var read = await required;
        var renewed = _renewal is null ? AccountTags.None : await _renewal;
        ReportRunLog.AccountTagsCached(logger, runId, read.ByAccountId.Count + read.Failed.Count, accountIds.Count - read.ByAccountId.Count - read.Failed.Count, renewed.ByAccountId.Count);
        try
        {
            await cache.RecordAsync(refresh.Next(accountIds, time.GetUtcNow(), read, renewed), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReportRunLog.AccountTagsCacheFailed(logger, ex, runId, "saved");
        }
    }

    private static async IAsyncEnumerable<string> Required(AccountTagsRefresh refresh, IAsyncEnumerable<string> accountIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var id in accountIds.WithCancellation(cancellationToken))
        {
            if (refresh.MustRead(id))
            {
                yield return id;
            }
        }
    }

    private static async IAsyncEnumerable<string> Renewals(AccountTagsRefresh refresh, Task required, IReadOnlyCollection<string> accountIds, [EnumeratorCancellation] CancellationToken scanDone)
    {
        // Never ahead of the reads the run waits for: both share the management account's rate.
        await required;
        foreach (var id in refresh.Stalest(accountIds))
        {
            if (scanDone.IsCancellationRequested)
            {
                yield break;
            }

            yield return id;
        }
    }

    private async Task<AccountTags> ReadAsync(IAsyncEnumerable<string> accountIds, CancellationToken stop, CancellationToken cancellationToken)
    {
        if (reader is null)
        {
            return AccountTags.None;
        }

        try
        {
            return await reader.ReadUntilAsync(accountIds, stop, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Owners then come from cached tags, resource tags and OU paths: a report without fresh account tags beats none.
            return AccountTags.Denied($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
