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

    /// <summary>
    /// The default ceiling. AWS publishes no Config or Organizations rates; 20 per second is 20 times
    /// the 1 per second that public integrations settled on, and at 20 the longest chain we have seen
    /// (55 calls) takes under 3 s, so a higher cap would save little per account-region while every
    /// probe above an account's real limit also takes rate from the account's other Config readers
    /// (Security Hub, the account owners' own tools) that share it.
    /// </summary>
    public const double DefaultMaxRequestsPerSecond = 20;

    /// <summary>
    /// The rate every account, region and operation starts at, in requests per second; the limiter
    /// then learns how fast AWS allows (see <c>RequestRateLimiter</c>).
    /// </summary>
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>
    /// The most the limiter may climb to per account, region and operation. Unset:
    /// <see cref="DefaultMaxRequestsPerSecond"/>, or <see cref="RequestsPerSecond"/> when that starts higher.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    /// <summary>The ceiling in force: <see cref="MaxRequestsPerSecond"/> when set, else the default, never below the starting rate.</summary>
    public double EffectiveMaxRequestsPerSecond => MaxRequestsPerSecond ?? Math.Max(DefaultMaxRequestsPerSecond, RequestsPerSecond);

    /// <summary>Requests that may go out at once before <see cref="RequestsPerSecond"/> applies.</summary>
    public int RequestsBurst { get; set; } = 2;

    /// <summary>
    /// How long an account's stored scan counts as fresh for a report. Short by default: a weekly
    /// report should show this week's state, reusing only a scan made moments before (a CLI rescan).
    /// </summary>
    public TimeSpan ResultMaxAge { get; set; } = TimeSpan.FromHours(1);
}
