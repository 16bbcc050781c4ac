using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.ScanBench;

/// <summary>What one silo run measured; times are from the start request.</summary>
/// <param name="ScanningAt">When the OU walk had its list; accounts are scanned from the start, while it walks.</param>
/// <param name="DoneAtWalkEnd">Accounts already scanned when the walk ended.</param>
public sealed record SiloRunResult(
    RunStatus Status,
    TimeSpan Wall,
    TimeSpan ScanningAt,
    int DoneAtWalkEnd,
    TimeSpan BuildingAt,
    TimeSpan DeliveringAt,
    double PeakMiB,
    double HeapPeakMiB,
    double LiveHeapMiB,
    IReadOnlyList<Finding>? Findings,
    SimulatorCountersSnapshot CountersBefore)
{
    public TimeSpan DiscoveryTime => ScanningAt;

    public TimeSpan ScanTime => BuildingAt - ScanningAt;

    public TimeSpan WorkbookTime => DeliveringAt - BuildingAt;
}
