using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ComplianceReport.Grains.Diagnostics;

/// <summary>The product's activity source and meter (names are what exporters subscribe to).</summary>
public static class ComplianceTelemetry
{
    public const string Name = "ComplianceReport";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Account scans by outcome (Scanned, Partial, Failed, Skipped).</summary>
    public static readonly Counter<long> Scans = Meter.CreateCounter<long>("compliance.account.scans", "{scan}", "Account scans by outcome");

    public static readonly Histogram<double> ScanDuration = Meter.CreateHistogram<double>("compliance.account.scan.duration", "s", "Time to scan one account across its regions");

    /// <summary>Accounts or regions not scanned, by reason (AccessDenied, ConfigNotEnabled, Throttled, …).</summary>
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("compliance.account.failures", "{failure}", "Accounts or regions not scanned, by reason");

    public static readonly Counter<long> Findings = Meter.CreateCounter<long>("compliance.findings", "{finding}", "Non-compliant resources found by scans");

    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("compliance.run.duration", "s", "Wall time of a report run");

    /// <summary>
    /// Starts a span that roots its own trace (or continues <paramref name="parent"/>, a CLI's
    /// context), not the grain call that happened to start it. Call it from an async method: the
    /// change of <see cref="Activity.Current"/> stays within that method's flow.
    /// </summary>
    public static Activity? StartRoot(string name, ActivityContext parent = default)
    {
        Activity.Current = null;
        return ActivitySource.StartActivity(name, ActivityKind.Internal, parent);
    }
}
