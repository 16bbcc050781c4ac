using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Reports;

/// <param name="Deliver">False: build the workbook only, deliver nowhere.</param>
/// <param name="History">Earlier runs' overall compliance, oldest first, for the trend chart and Jira.</param>
/// <param name="BaselineRunId">The previous scheduled run that completed: what this run's changes are counted against.</param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.RunStartRequest")]
public sealed record RunStartRequest(
    [property: Id(0)] string IsoWeek,
    [property: Id(1)] RunTrigger Trigger,
    [property: Id(2)] IReadOnlyList<HistoryPoint> History,
    [property: Id(3)] string? TraceParent,
    [property: Id(4)] bool Deliver = true,
    [property: Id(5)] string? BaselineRunId = null);
