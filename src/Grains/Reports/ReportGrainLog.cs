using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Reports;

internal static partial class ReportGrainLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Weekly report scheduled on {DayOfWeek} at {TimeUtc} UTC")]
    public static partial void Scheduled(ILogger logger, string dayOfWeek, string timeUtc);
}
