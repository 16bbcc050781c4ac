using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Accounts;

internal static partial class AccountGrainLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Account {AccountId} scanned: {Status}, {NonCompliantResources} non-compliant resources in {ElapsedMs} ms")]
    public static partial void Scanned(ILogger logger, string accountId, string status, int nonCompliantResources, long elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Account {AccountId} not scanned: {ErrorKind}: {Reason}")]
    public static partial void NotScanned(ILogger logger, string accountId, string errorKind, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Account {AccountId} region {Region} failed: {Reason}")]
    public static partial void RegionFailed(ILogger logger, Exception exception, string accountId, string region, string reason);
}
