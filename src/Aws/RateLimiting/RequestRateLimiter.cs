using System.Collections.Concurrent;
using ComplianceReport.Aws.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.RateLimiting;

/// <summary>
/// Client-side token buckets, one per account, region and operation, shared by every caller in the
/// process (AWS throttles per account and region, so per-caller limits would add up past it).
/// Defaults: <c>Scan:RequestsPerSecond</c> 1 with a burst of <c>Scan:RequestsBurst</c> 2.
/// </summary>
public sealed class RequestRateLimiter(IOptions<ScanOptions> options, TimeProvider time)
{
    private readonly double _rate = options.Value.RequestsPerSecond;
    private readonly int _burst = options.Value.RequestsBurst;
    private readonly ConcurrentDictionary<(string Account, string Region, string Operation), TokenBucket> _buckets = new();

    /// <summary>Waits until one more request of <paramref name="operation"/> may go out.</summary>
    public ValueTask WaitAsync(string accountId, string region, string operation, CancellationToken cancellationToken) =>
        _buckets.GetOrAdd((accountId, region, operation), _ => new TokenBucket(_rate, _burst, time)).TakeAsync(cancellationToken);
}
