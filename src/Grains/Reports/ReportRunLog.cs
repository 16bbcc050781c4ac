using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Reports;

internal static partial class ReportRunLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Run {RunId} started ({Trigger})")]
    public static partial void Started(ILogger logger, string runId, string trigger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Run {RunId} resumed in phase {Phase} with {AccountsDone} accounts already scanned")]
    public static partial void Resumed(ILogger logger, string runId, string phase, int accountsDone);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Run {RunId} discovered {Accounts} accounts")]
    public static partial void Discovered(ILogger logger, string runId, int accounts);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Run {RunId} completed: {Accounts} accounts, {Failed} failed, {NonCompliantResources} non-compliant resources, workbook {WorkbookPath}")]
    public static partial void Completed(ILogger logger, string runId, int accounts, int failed, int nonCompliantResources, string workbookPath);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Run {RunId} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Run {RunId}: account {AccountId} could not be reached: {Reason}")]
    public static partial void AccountCallFailed(ILogger logger, string runId, string accountId, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Run {RunId}: delivery to {Sink} failed: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string runId, string sink, string reason);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Run {RunId}: the workbook {LostPath} is not on this silo; rebuilt it from the persisted scans as {WorkbookPath}")]
    public static partial void WorkbookRebuilt(ILogger logger, string runId, string lostPath, string workbookPath);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Run {RunId}: account tags could not be read ({Reason}); those accounts' owners come from tags read earlier, resource tags and OU paths")]
    public static partial void AccountTagsUnavailable(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Run {RunId}: account tags of {Read} accounts read before evaluating, {Cached} taken from the cache, {Renewed} renewed while accounts scanned")]
    public static partial void AccountTagsCached(ILogger logger, string runId, int read, int cached, int renewed);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Run {RunId}: the account tags cache could not be {Action}; every account's tags are read this run")]
    public static partial void AccountTagsCacheFailed(ILogger logger, Exception exception, string runId, string action);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Run {RunId}: the accounts of run {BaselineRunId} could not be read; scanning starts from discovery alone")]
    public static partial void PreviousAccountsUnavailable(ILogger logger, Exception exception, string runId, string baselineRunId);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Run {RunId}: the pacing of run {BaselineRunId} could not be read; every operation starts at Scan:RequestsPerSecond")]
    public static partial void PreviousLimitsUnavailable(ILogger logger, Exception exception, string runId, string baselineRunId);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Run {RunId}: pacing starts where run {BaselineRunId} was throttled: {Limits}")]
    public static partial void StartsAtPreviousLimits(ILogger logger, string runId, string baselineRunId, string limits);
}
