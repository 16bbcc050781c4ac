using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.ScanBench;

/// <summary>What one silo run measured; times are from the start request.</summary>
public sealed record SiloRunResult(
    RunStatus Status,
    TimeSpan Wall,
    TimeSpan ScanningAt,
    TimeSpan BuildingAt,
    TimeSpan DeliveringAt,
    double PeakMiB,
    double HeapPeakMiB,
    IReadOnlyList<Finding>? Findings)
{
    public TimeSpan DiscoveryTime => ScanningAt;

    public TimeSpan ScanTime => BuildingAt - ScanningAt;

    public TimeSpan WorkbookTime => DeliveringAt - BuildingAt;
}
