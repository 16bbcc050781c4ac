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
/// Walks the organization from its root through every OU level (a few Organizations calls at a
/// time) and returns the accounts under <c>Organization:ParentIds</c> (all when empty) minus
/// <c>Organization:ExcludeAccountIds</c>. The tree is always walked from the root so that OU paths
/// are complete (<c>Root/Prod/Payments</c>) even when ParentIds names a nested OU.
/// Order: by OU path (ordinal), then account id, so that repeated runs list accounts identically.
/// The preview reads the flat <c>ListAccounts</c> list, paced apart from the walk's operations, so
/// that scanning starts seconds into a walk that takes minutes in a large organization.
/// </summary>
public sealed class OrganizationDiscovery(
    AccountSessionFactory sessions,
    AwsClientFactory clients,
    RequestRateLimiter limiter,
    IOptions<OrganizationOptions> options,
    ILogger<OrganizationDiscovery> logger) : IOrganizationDiscovery
{
    /// <summary>Organizations allows only a few requests per second per account; stay well inside it.</summary>
    private const int MaxConcurrentCalls = 4;

    private readonly OrganizationOptions _options = options.Value;

    public async Task<IReadOnlyList<OrganizationAccount>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var session = sessions.CreateOrganizationListSession();
        await session.EnsureAsync(cancellationToken).ConfigureAwait(false);
        using var client = clients.CreateOrganizations(session.Credentials);
        try
        {
            return await WalkAsync(Paced(client, session), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsAccessDenied || ex.ErrorCode is "AWSOrganizationsNotInUseException")
        {
            throw new ScanFailedException(
                new ScanError(ScanErrorKind.AccessDenied, $"{session.RoleArn} may not list the organization: {ex.ErrorCode} {ex.Message}", ex.ErrorCode), ex);
        }
    }

    public async IAsyncEnumerable<OrganizationAccount> PreviewAccountsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // ListAccounts does not say where an account sits: when the walk is scoped to some OUs,
        // only the walk knows which accounts are in scope.
        if (_options.ParentIds.Count > 0)
        {
            yield break;
        }

        var excluded = _options.ExcludeAccountIds.ToHashSet(StringComparer.Ordinal);
        await using var pages = ListAccountPagesAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ListAccountsResponse page;
            try
            {
                if (!await pages.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                page = pages.Current;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Only a head start is lost (a role granted just the walk's two operations, say).
                Log.PreviewUnavailable(logger, _options.ManagementAccountId, ex.Message);
                yield break;
            }

            foreach (var account in page.Accounts ?? [])
            {
                if (!excluded.Contains(account.Id))
                {
                    yield return ToAccount(account, ouPath: string.Empty);
                }
            }
        }
    }

    private async IAsyncEnumerable<ListAccountsResponse> ListAccountPagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = sessions.CreateOrganizationListSession();
        await session.EnsureAsync(cancellationToken).ConfigureAwait(false);
        using var client = clients.CreateOrganizations(session.Credentials);
        await foreach (var page in Paced(client, session).ListAccountsPagesAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    // Organizations throttles per account like Config does per region: pace with the same limiter.
    private OrganizationsClient Paced(AwsJsonClient client, AccountSession session) =>
        new(client, limiter.For(session.AccountId, "organizations"));

    private static OrganizationAccount ToAccount(OrganizationMemberAccount account, string ouPath) =>
        new(account.Id, account.Name ?? account.Id, account.Email ?? string.Empty, StatusOf(account.Status), ouPath);

    private async Task<IReadOnlyList<OrganizationAccount>> WalkAsync(OrganizationsClient organizations, CancellationToken cancellationToken)
    {
        var wanted = _options.ParentIds.ToHashSet(StringComparer.Ordinal);
        var seenParents = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var found = new ConcurrentBag<OrganizationAccount>();
        using var gate = new SemaphoreSlim(MaxConcurrentCalls);

        async Task<T> CallAsync<T>(Func<Task<T>> call)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await call().ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }

        async Task VisitAsync(string parentId, string path, bool included)
        {
            seenParents.TryAdd(parentId, 0);
            included |= wanted.Contains(parentId);
            var children = CallAsync(() => organizations.ListOrganizationalUnitsForParentAsync(parentId, cancellationToken));
            if (included)
            {
                var accounts = await CallAsync(() => organizations.ListAccountsForParentAsync(parentId, cancellationToken)).ConfigureAwait(false);
                foreach (var account in accounts)
                {
                    found.Add(ToAccount(account, path));
                }
            }

            var units = await children.ConfigureAwait(false);
            await Task.WhenAll(units.Select(unit => VisitAsync(unit.Id, $"{path}/{unit.Name}", included))).ConfigureAwait(false);
        }

        var roots = await CallAsync(() => organizations.ListRootsAsync(cancellationToken)).ConfigureAwait(false);
        await Task.WhenAll(roots.Select(root => VisitAsync(root.Id, root.Name, wanted.Count == 0))).ConfigureAwait(false);

        var missing = wanted.Where(id => !seenParents.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new ScanFailedException(new ScanError(
                ScanErrorKind.Internal,
                $"Organization:ParentIds names {string.Join(", ", missing)}, which the organization of {_options.ManagementAccountId} does not contain"));
        }

        var excluded = _options.ExcludeAccountIds.ToHashSet(StringComparer.Ordinal);
        var accounts = found
            .DistinctBy(a => a.AccountId)
            .Where(a => !excluded.Contains(a.AccountId))
            .OrderBy(a => a.OuPath, StringComparer.Ordinal)
            .ThenBy(a => a.AccountId, StringComparer.Ordinal)
            .ToList();
        Log.Discovered(logger, accounts.Count, found.Count - accounts.Count, Math.Max(wanted.Count, roots.Count), _options.ManagementAccountId);
        return accounts;
    }

    private static AccountStatus StatusOf(string? status) => status switch
    {
        "SUSPENDED" => AccountStatus.Suspended,
        "PENDING_CLOSURE" => AccountStatus.PendingClosure,
        _ => AccountStatus.Active,
    };
}
