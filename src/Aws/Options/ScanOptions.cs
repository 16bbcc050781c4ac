namespace ComplianceReport.Aws.Options;

/// <summary>Configuration section <c>Scan</c>: how hard the scan may push AWS.</summary>
public sealed class ScanOptions
{
    public const string SectionName = "Scan";

    /// <summary>
    /// Accounts scanned at the same time. Each account's scan is a chain of throttled calls that
    /// mostly waits, so throughput needs many in flight: 64 took 30% longer for 200 accounts and
    /// would take about an hour for 10,000; 1,000 was measured to finish 10,000 (bench/README.md).
    /// </summary>
    public int MaxConcurrentAccounts { get; set; } = 1000;

    /// <summary>Sustained AWS Config requests per second per account, region and operation.</summary>
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Requests that may go out at once before <see cref="RequestsPerSecond"/> applies.</summary>
    public int RequestsBurst { get; set; } = 2;

    /// <summary>
    /// How long an account's stored scan counts as fresh for a report. Short by default: a weekly
    /// report should show this week's state, reusing only a scan made moments before (a CLI rescan).
    /// </summary>
    public TimeSpan ResultMaxAge { get; set; } = TimeSpan.FromHours(1);
}
