using Microsoft.Extensions.Logging;

namespace ComplianceReport.Delivery.Jira;

// Messages carry issue keys, run ids and status codes only: never request headers or bodies.
internal static partial class JiraLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Run {RunId}: created Jira issue {IssueKey}")]
    public static partial void IssueCreated(ILogger logger, string runId, string issueKey);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Run {RunId}: Jira issue {IssueKey} already exists for this run; added a comment with the new numbers")]
    public static partial void IssueCommented(ILogger logger, string runId, string issueKey);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Run {RunId}: attached the workbook ({SizeBytes} bytes) to Jira issue {IssueKey}")]
    public static partial void WorkbookAttached(ILogger logger, string runId, long sizeBytes, string issueKey);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Run {RunId}: the workbook ({SizeBytes} bytes) is over Jira:AttachmentMaxBytes ({LimitBytes}); not attached")]
    public static partial void AttachmentSkipped(ILogger logger, string runId, long sizeBytes, long limitBytes);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "Jira {Operation} answered {StatusCode}; retrying in {DelayMs} ms (retry {Attempt} of {MaxRetries})")]
    public static partial void Retrying(ILogger logger, string operation, int statusCode, long delayMs, int attempt, int maxRetries);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Error, Message = "Run {RunId}: Jira delivery failed: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string runId, string error);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Information, Message = "Run {RunId}: Jira:DryRun is on; wrote the requests to {Path} instead of calling Jira")]
    public static partial void DryRunWritten(ILogger logger, string runId, string path);

    [LoggerMessage(EventId = 6207, Level = LogLevel.Information, Message = "Run {RunId}: Jira issue {IssueKey} already has this run's {What} from an interrupted attempt; not repeated")]
    public static partial void AlreadyDone(ILogger logger, string runId, string issueKey, string what);
}
