using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Ports;

/// <summary>
/// Reads one account and region's Config compliance (fetch stage). How the data is reached is the
/// source's business: a read role assumed in every account (sessions cached in memory by the
/// adapter, never persisted), or the organization's Config aggregator.
/// </summary>
public interface IComplianceReader
{
    /// <summary>
    /// Returns a snapshot; a region without a Config recorder is <see cref="RegionScanStatus.ConfigNotEnabled"/>.
    /// Failures that concern the whole account (the role was denied) throw <see cref="ScanFailedException"/>;
    /// failures of the region come back as a <see cref="RegionScanStatus.Failed"/> snapshot.
    /// </summary>
    Task<RegionSnapshot> ReadRegionAsync(string accountId, string region, CancellationToken cancellationToken);
}
