using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Ports;

/// <summary>Finds the accounts to scan (fetch stage).</summary>
public interface IOrganizationDiscovery
{
    /// <summary>Every account under the configured parents, minus exclusions, in a deterministic order.</summary>
    Task<IReadOnlyList<OrganizationAccount>> DiscoverAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Accounts that <see cref="DiscoverAsync"/> will most likely return, as soon as they are known
    /// and before their OU path is (<see cref="OrganizationAccount.OuPath"/> is empty), so that
    /// scanning can start while the OU walk goes on. Only a hint: <see cref="DiscoverAsync"/> is
    /// authoritative. It may yield nothing at all, for example when the walk is scoped to some OUs.
    /// </summary>
    IAsyncEnumerable<OrganizationAccount> PreviewAccountsAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<OrganizationAccount>();
}
