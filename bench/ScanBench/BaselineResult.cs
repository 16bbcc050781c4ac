namespace ComplianceReport.ScanBench;

/// <summary>What the baseline script reported, with its wall time and peak memory.</summary>
public sealed record BaselineResult(TimeSpan Wall, int Accounts, int Failed, string FailedByCode, int Findings, double PeakMiB);
