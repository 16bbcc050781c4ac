using Microsoft.Extensions.Logging;

namespace ComplianceReport.Aws;

/// <summary>The adapter's log events (source-generated; placeholders are stable names).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Discovered {AccountCount} accounts ({ExcludedCount} excluded) under {ParentCount} parents of organization {ManagementAccountId}")]
    public static partial void Discovered(ILogger logger, int accountCount, int excludedCount, int parentCount, string managementAccountId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Config is not enabled in account {AccountId} region {Region}")]
    public static partial void ConfigNotEnabled(ILogger logger, string accountId, string region);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Read account {AccountId} region {Region}: {RuleCount} rules, {FindingCount} non-compliant resources in {ElapsedMs} ms")]
    public static partial void RegionRead(ILogger logger, string accountId, string region, int ruleCount, int findingCount, long elapsedMs);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Reading account {AccountId} region {Region} failed: {ErrorKind} {ErrorCode} {ErrorMessage}")]
    public static partial void RegionFailed(ILogger logger, string accountId, string region, string errorKind, string? errorCode, string errorMessage, Exception? exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Resource names and tags unavailable for {KeyCount} resources in account {AccountId} region {Region}: {ErrorCode}")]
    public static partial void ResourceLookupFailed(ILogger logger, int keyCount, string accountId, string region, string? errorCode);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "No early account list from organization {ManagementAccountId}, scanning waits for the OU walk: {ErrorMessage}")]
    public static partial void PreviewUnavailable(ILogger logger, string managementAccountId, string errorMessage);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Read account {AccountId} from the Config aggregator: {RuleCount} rule results, {FindingCount} non-compliant evaluations in {ElapsedMs} ms")]
    public static partial void AggregatorAccountRead(ILogger logger, string accountId, int ruleCount, int findingCount, long elapsedMs);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Rule {ConfigRuleName} in account {AccountId} region {Region}: {FindingCount} non-compliant resources")]
    public static partial void RuleRead(ILogger logger, string configRuleName, string accountId, string region, int findingCount);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Rule identifiers unavailable in account {AccountId} region {Region}, severities fall back to rule names: {ErrorCode}")]
    public static partial void RuleIdentifiersUnavailable(ILogger logger, string accountId, string region, string? errorCode);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Read the tags of {AccountCount} accounts from organization {ManagementAccountId} in {ElapsedMs} ms")]
    public static partial void AccountTagsRead(ILogger logger, int accountCount, string managementAccountId, long elapsedMs);

    // Debug: the run reports the same failure once, as a warning naming the run.
    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Account tags unavailable for {UnavailableCount} of {AccountCount} accounts of organization {ManagementAccountId}, owners resolve without them: {ErrorMessage}")]
    public static partial void AccountTagsUnavailable(ILogger logger, int unavailableCount, int accountCount, string managementAccountId, string errorMessage);
}
