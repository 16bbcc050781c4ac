using System.Collections.Concurrent;
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
            // Organizations throttles per account like Config does per region: pace with the same limiter.
            var organizations = new OrganizationsClient(
                client,
                (operation, ct) => limiter.WaitAsync(session.AccountId, "organizations", operation, ct),
                operation => limiter.Throttled(session.AccountId, "organizations", operation));
            return await WalkAsync(organizations, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsAccessDenied || ex.ErrorCode is "AWSOrganizationsNotInUseException")
        {
            throw new ScanFailedException(
                new ScanError(ScanErrorKind.AccessDenied, $"{session.RoleArn} may not list the organization: {ex.ErrorCode} {ex.Message}", ex.ErrorCode), ex);
        }
    }

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
                    found.Add(new OrganizationAccount(account.Id, account.Name ?? account.Id, account.Email ?? string.Empty, StatusOf(account.Status), path));
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
