using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.Organizations;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Discovery;

/// <summary>
/// Account tags from Organizations <c>ListTagsForResource</c>, one paged call per account, with the
/// list-org role and the same pacing as the discovery walk (its own bucket per operation, so
/// reading tags does not slow the walk). Tags are enrichment: an account whose tags are refused
/// (AccessDenied, for example an IAM condition) or cannot be read after retries gets none, and
/// <see cref="AccountTags.Unavailable"/> says how many and why, once. When the role itself is
/// refused (it cannot be assumed, or the first calls are all denied) no further account is asked.
/// </summary>
public sealed class AccountTagReader(
    AccountSessionFactory sessions,
    AwsClientFactory clients,
    RequestRateLimiter limiter,
    IOptions<OrganizationOptions> options,
    TimeProvider time,
    ILogger<AccountTagReader> logger) : IAccountTagReader
{
    /// <summary>As the walk: Organizations allows only a few requests per second per account.</summary>
    private const int MaxConcurrentCalls = 4;

    /// <summary>Denials before any success that mean the role lacks organizations:ListTagsForResource altogether.</summary>
    private const int DeniedBeforeGivingUp = 10;

    private readonly OrganizationOptions _options = options.Value;

    public Task<AccountTags> ReadAsync(IAsyncEnumerable<string> accountIds, CancellationToken cancellationToken) =>
        ReadUntilAsync(accountIds, CancellationToken.None, cancellationToken);

    public async Task<AccountTags> ReadUntilAsync(IAsyncEnumerable<string> accountIds, CancellationToken stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var ids = accountIds.WithCancellation(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        try
        {
            return await ReadAsync(ids, stop, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ids.DisposeAsync();
        }
    }

    private async Task<AccountTags> ReadAsync(ConfiguredCancelableAsyncEnumerable<string>.Enumerator ids, CancellationToken stop, CancellationToken cancellationToken)
    {
        // No session (no AssumeRole) until there is an account to ask about.
        if (!await ids.MoveNextAsync())
        {
            return AccountTags.None;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        var session = sessions.CreateOrganizationListSession();
        try
        {
            await session.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ScanFailedException ex) when (ex.Error.Kind == ScanErrorKind.AccessDenied)
        {
            do
            {
                seen.Add(ids.Current);
            }
            while (await ids.MoveNextAsync());

            return Unavailable(seen.Count, AccountTags.Denied($"{AccountTags.Operation} not attempted: {ex.Message}"));
        }

        using var client = clients.CreateOrganizations(session.Credentials);
        var organizations = new OrganizationsClient(client, limiter.For(session.AccountId, "organizations"));

        // Cancels the reads still paced (and the wait for a free slot) once the caller stops: at 1 request/s
        // four queued renewals held the end of a run for four seconds.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop);
        var tags = new ConcurrentDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var failed = new ConcurrentQueue<(string AccountId, string Reason)>();
        var denied = 0;
        using var gate = new SemaphoreSlim(MaxConcurrentCalls);

        // Called with a slot of the gate taken; releases it.
        async Task ReadOneAsync(string accountId)
        {
            try
            {
                if (tags.IsEmpty && Volatile.Read(ref denied) >= DeniedBeforeGivingUp)
                {
                    failed.Enqueue((accountId, "not asked: the role was refused for the first accounts"));
                    return;
                }

                var read = await organizations.ListTagsForResourceAsync(accountId, abandon.Token).ConfigureAwait(false);
                tags[accountId] = read
                    .Where(t => !string.IsNullOrEmpty(t.Key))
                    .DistinctBy(t => t.Key, StringComparer.Ordinal)
                    .ToDictionary(t => t.Key!, t => t.Value ?? string.Empty, StringComparer.Ordinal);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode is "TargetNotFoundException")
            {
                // Left the organization since discovery: nothing to tag it with.
            }
            catch (AwsServiceException ex)
            {
                if (ex.IsAccessDenied)
                {
                    Interlocked.Increment(ref denied);
                }

                failed.Enqueue((accountId, $"{ex.ErrorCode}: {ex.Message}"));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Dropped: the caller stopped before its turn came; its cached tags stay as they were.
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed.Enqueue((accountId, ex.Message));
            }
            finally
            {
                gate.Release();
            }
        }

        // The next id is asked for only once a read can start: a caller that stops yielding ids
        // (a run renewing cached tags until its scan ends) stops the reads with it.
        var reads = new List<Task>();
        try
        {
            await gate.WaitAsync(abandon.Token).ConfigureAwait(false);
            do
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                if (seen.Add(ids.Current))
                {
                    reads.Add(ReadOneAsync(ids.Current));
                }
                else
                {
                    gate.Release();
                }

                await gate.WaitAsync(abandon.Token).ConfigureAwait(false);
            }
            while (await ids.MoveNextAsync());

            gate.Release();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Stopped while waiting for a free slot: what was started is finished or dropped below.
        }

        await Task.WhenAll(reads).ConfigureAwait(false);
        Log.AccountTagsRead(logger, tags.Count, _options.ManagementAccountId, (long)time.GetElapsedTime(started).TotalMilliseconds);
        var read = new Dictionary<string, IReadOnlyDictionary<string, string>>(tags, StringComparer.Ordinal);
        if (failed.IsEmpty)
        {
            return new AccountTags(read, null);
        }

        var failures = failed.GroupBy(f => f.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        return Unavailable(seen.Count, new AccountTags(read, AccountTags.FailureSummary(failures, seen.Count)) { Failed = failures }, failed.Count);
    }

    private AccountTags Unavailable(int accountCount, AccountTags result, int? unavailableCount = null)
    {
        Log.AccountTagsUnavailable(logger, unavailableCount ?? accountCount, accountCount, _options.ManagementAccountId, result.Unavailable!);
        return result;
    }
}
