using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Reports;

internal static partial class ReportGrainLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Weekly report scheduled on {DayOfWeek} at {TimeUtc} UTC")]
    public static partial void Scheduled(ILogger logger, string dayOfWeek, string timeUtc);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Week {IsoWeek}: run {RunId} failed; running the week again as {NewRunId}")]
    public static partial void RerunningWeek(ILogger logger, string isoWeek, string runId, string newRunId);
}
