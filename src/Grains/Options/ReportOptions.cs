namespace ComplianceReport.Grains.Options;

/// <summary>The <c>Report</c> section's scheduling and output keys.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Report";

    public ReportScheduleOptions Schedule { get; set; } = new();

    /// <summary><c>Report:OutputDirectory</c>: where workbooks are written before delivery.</summary>
    public string OutputDirectory { get; set; } = "out";
}
