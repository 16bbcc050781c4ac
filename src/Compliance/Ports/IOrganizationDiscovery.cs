using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Ports;

/// <summary>Finds the accounts to scan (fetch stage).</summary>
public interface IOrganizationDiscovery
{
    /// <summary>Every account under the configured parents, minus exclusions, in a deterministic order.</summary>
    Task<IReadOnlyList<OrganizationAccount>> DiscoverAsync(CancellationToken cancellationToken);
}
