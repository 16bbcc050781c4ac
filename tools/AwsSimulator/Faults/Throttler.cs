using System.Collections.Concurrent;

namespace ComplianceReport.AwsSimulator.Faults;

/// <summary>One token bucket per account, region and operation, as AWS Config limits callers.</summary>
internal sealed class Throttler(double rate, int burst, SimulatorClock clock)
{
    private readonly ConcurrentDictionary<(string Account, string Region, string Operation), TokenBucket> _buckets = new();

    public bool Enabled => rate > 0;

    /// <summary>True when the call may proceed.</summary>
    public bool TryAcquire(string account, string region, string operation)
    {
        if (!Enabled)
        {
            return true;
        }

        var now = clock.MonotonicSeconds;
        var bucket = _buckets.GetOrAdd((account, region, operation), _ => new TokenBucket(rate, burst, now));
        return bucket.TryTake(now);
    }
}
