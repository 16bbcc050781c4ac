using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ComplianceReport.Grains.Diagnostics;

/// <summary>The product's activity source and meter (names are what exporters subscribe to).</summary>
public static class ComplianceTelemetry
{
    public const string Name = "ComplianceReport";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);
}
