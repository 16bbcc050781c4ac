using System.Collections.Concurrent;
using ComplianceReport.Aws.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.RateLimiting;

/// <summary>
/// Client-side token buckets, one per account, region and operation, shared by every caller in the
/// process (AWS throttles per account and region, so per-caller limits would add up past it).
/// Defaults: <c>Scan:RequestsPerSecond</c> 1 with a burst of <c>Scan:RequestsBurst</c> 2.
/// The configured rate is a ceiling: buckets refill at <see cref="Headroom"/> of it, because a server
/// bucket draining at exactly our rate has no margin left for network jitter once the burst is spent,
/// and every throttled call then costs a round trip and a wait.
/// </summary>
public sealed class RequestRateLimiter(IOptions<ScanOptions> options, TimeProvider time)
{
    public const double Headroom = 0.9;

    private readonly double _rate = options.Value.RequestsPerSecond * Headroom;
    private readonly int _burst = options.Value.RequestsBurst;
    private readonly ConcurrentDictionary<(string Account, string Region, string Operation), TokenBucket> _buckets = new();

    /// <summary>Waits until one more request of <paramref name="operation"/> may go out.</summary>
    public ValueTask WaitAsync(string accountId, string region, string operation, CancellationToken cancellationToken) =>
        Bucket(accountId, region, operation).TakeAsync(cancellationToken);

    /// <summary>AWS throttled <paramref name="operation"/> despite the pacing: slow its bucket down.</summary>
    public void Throttled(string accountId, string region, string operation) => Bucket(accountId, region, operation).SlowDown();

    private TokenBucket Bucket(string accountId, string region, string operation) =>
        _buckets.GetOrAdd((accountId, region, operation), _ => new TokenBucket(_rate, _burst, time));
}
