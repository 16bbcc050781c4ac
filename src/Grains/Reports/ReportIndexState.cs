using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Grains.Reports;

[GenerateSerializer, Alias("ComplianceReport.ReportIndexState")]
public sealed class ReportIndexState
{
    /// <summary>The newest runs (at most 104), newest last, with their status as last reported, without failure lists.</summary>
    [Id(0)]
    public List<RunStatus> Runs { get; set; } = [];

    /// <summary>Completed runs' overall compliance, oldest first.</summary>
    [Id(1)]
    public List<HistoryPoint> History { get; set; } = [];

    /// <summary>When the schedule was first registered: weeks before it are not run retroactively.</summary>
    [Id(2)]
    public DateTimeOffset? ScheduledSince { get; set; }
}
