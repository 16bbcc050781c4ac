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

    [LoggerMessage(EventId = 6208, Level = LogLevel.Information, Message = "Run {RunId}: created Jira issue {IssueKey} for owner {Owner}")]
    public static partial void OwnerItemCreated(ILogger logger, string runId, string issueKey, string owner);

    [LoggerMessage(EventId = 6209, Level = LogLevel.Information, Message = "Run {RunId}: Jira issue {IssueKey} of owner {Owner} exists for this week; added a comment with the new numbers")]
    public static partial void OwnerItemCommented(ILogger logger, string runId, string issueKey, string owner);

    [LoggerMessage(EventId = 6210, Level = LogLevel.Information, Message = "Run {RunId}: linked Jira issue {IssueKey} to last week's {PreviousIssueKey}")]
    public static partial void WeeksLinked(ILogger logger, string runId, string issueKey, string previousIssueKey);

    [LoggerMessage(EventId = 6211, Level = LogLevel.Information, Message = "Run {RunId}: last week's Jira issue {IssueKey} has all its findings resolved: {Outcome}")]
    public static partial void PreviousItemResolved(ILogger logger, string runId, string issueKey, string outcome);

    [LoggerMessage(EventId = 6212, Level = LogLevel.Warning, Message = "Run {RunId}: Jira issue {IssueKey} offers no transition named {Transition} (Jira:Routing:ResolvedTransition); commented only")]
    public static partial void TransitionMissing(ILogger logger, string runId, string issueKey, string transition);

    [LoggerMessage(EventId = 6213, Level = LogLevel.Information, Message = "Run {RunId}: {Count} owners with findings have no Jira:Routing:Owners entry; they stay on Jira issue {IssueKey}")]
    public static partial void OwnersNotRouted(ILogger logger, string runId, int count, string issueKey);
}
