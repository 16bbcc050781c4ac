namespace ComplianceReport.Grains.Options;

/// <summary>The <c>Report</c> section's scheduling and output keys.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Report";

    public ReportScheduleOptions Schedule { get; set; } = new();

    /// <summary><c>Report:OutputDirectory</c>: where workbooks are written before delivery.</summary>
    public string OutputDirectory { get; set; } = "out";

    /// <summary><c>Report:DeliveryTimeout</c>: how long the Delivering phase (all sinks together) may take before the sinks still waiting fail.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
