using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Ports;

/// <summary>Reads one account and region's Config compliance (fetch stage).</summary>
public interface IComplianceReader
{
    /// <summary>
    /// Returns a snapshot; a region without a Config recorder is <see cref="RegionScanStatus.ConfigNotEnabled"/>.
    /// Failures that concern the whole account (the role was denied) throw <see cref="ScanFailedException"/>;
    /// failures of the region come back as a <see cref="RegionScanStatus.Failed"/> snapshot.
    /// </summary>
    Task<RegionSnapshot> ReadRegionAsync(IAccountSession session, string region, CancellationToken cancellationToken);
}
