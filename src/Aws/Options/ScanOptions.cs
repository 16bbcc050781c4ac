namespace ComplianceReport.Aws.Options;

/// <summary>Configuration section <c>Scan</c>: how hard the scan may push AWS.</summary>
public sealed class ScanOptions
{
    public const string SectionName = "Scan";

    /// <summary>Accounts scanned at the same time across the cluster.</summary>
    public int MaxConcurrentAccounts { get; set; } = 64;

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
