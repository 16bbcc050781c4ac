using System.Collections.Concurrent;
using ComplianceReport.Aws.Options;
using ComplianceReport.Compliance.Diagnostics;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.RateLimiting;

/// <summary>
/// Client-side adaptive token buckets, one per account, region and operation, shared by every
/// caller in the process (AWS throttles per account and region, so per-caller limits would add up
/// past it). AWS publishes no rates for Config or Organizations, so each bucket starts at
/// <c>Scan:RequestsPerSecond</c> and learns the allowed rate from the answers
/// (<see cref="AdaptiveBucket"/>), never above <c>Scan:MaxRequestsPerSecond</c>. What the buckets of
/// one operation learnt seeds the account-regions that start later; after
/// <see cref="ForgetAfter"/> without a call the operation starts afresh: from where the last
/// scheduled run found AWS's limit when the scan says so (<see cref="AwsCallCounters.StartRates"/>),
/// otherwise from <c>Scan:RequestsPerSecond</c>.
/// </summary>
public sealed class RequestRateLimiter(IOptions<ScanOptions> options, TimeProvider time)
{
    /// <summary>Longer than any run keeps an operation idle, shorter than the week between scheduled runs.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly double _start = options.Value.RequestsPerSecond;
    private readonly double _ceiling = options.Value.EffectiveMaxRequestsPerSecond;
    private readonly int _burst = options.Value.RequestsBurst;
    private readonly ConcurrentDictionary<(string Account, string Region, string Operation), AdaptiveBucket> _buckets = new();
    private readonly ConcurrentDictionary<string, OperationPace> _operations = new(StringComparer.Ordinal);

    /// <summary>The gate of one account and region (for Organizations: the management account and a fixed region name).</summary>
    public IRequestPacer For(string accountId, string region) => new AccountRegionPacer(this, accountId, region);

    /// <summary>Waits until one more request of <paramref name="operation"/> may go out.</summary>
    public async ValueTask WaitAsync(string accountId, string region, string operation, CancellationToken cancellationToken)
    {
        var rate = await Bucket(accountId, region, operation).TakeAsync(cancellationToken).ConfigureAwait(false);
        AwsCallCounters.Current?.Paced(operation, rate);
    }

    /// <summary>AWS answered <paramref name="operation"/> without throttling: its bucket may climb.</summary>
    public void Succeeded(string accountId, string region, string operation)
    {
        Bucket(accountId, region, operation).Succeeded();
        AwsCallCounters.Current?.Answered(operation);
    }

    /// <summary>AWS throttled <paramref name="operation"/> despite the pacing: cut its bucket.</summary>
    public void Throttled(string accountId, string region, string operation)
    {
        var throttlePoint = Bucket(accountId, region, operation).Throttled();
        AwsCallCounters.Current?.ThrottledAt(operation, throttlePoint);
    }

    /// <summary>
    /// Forgets every bucket and what each operation learnt, as <see cref="ForgetAfter"/> without
    /// calls does: the state a scheduled run a week after the last one starts from. The scan
    /// bench runs its weeks minutes apart and calls this between them.
    /// </summary>
    public void Forget()
    {
        _buckets.Clear();
        _operations.Clear();
    }

    /// <summary>The rate the next new account-region of <paramref name="operation"/> would start at.</summary>
    public double LearntRate(string operation) => _operations.TryGetValue(operation, out var pace) ? pace.Rate : _start;

    /// <summary>The rate of one account-region's bucket of <paramref name="operation"/> now.</summary>
    public double CurrentRate(string accountId, string region, string operation) => Bucket(accountId, region, operation).Rate;

    private AdaptiveBucket Bucket(string accountId, string region, string operation)
    {
        var key = (accountId, region, operation);
        var bucket = _buckets.GetOrAdd(key, k => NewBucket(k.Operation));
        if (bucket.Idle > ForgetAfter)
        {
            _buckets.TryUpdate(key, NewBucket(operation), bucket);
            bucket = _buckets[key];
        }

        return bucket;
    }

    private AdaptiveBucket NewBucket(string operation)
    {
        var pace = _operations.GetOrAdd(operation, StartPace);
        if (time.GetElapsedTime(pace.UpdatedAt) > ForgetAfter)
        {
            _operations.TryUpdate(operation, StartPace(operation), pace);
            pace = _operations[operation];
        }

        return new AdaptiveBucket(_start, _ceiling, _burst, pace, time);
    }

    /// <summary>
    /// What an operation without a fresh pace starts from: the plateau the last scheduled run learnt,
    /// never above the ceiling and never below <see cref="AdaptiveBucket.Beta"/> of the configured
    /// start. A bucket starting too high is cut at its first throttling answer, but one seeded low
    /// climbs back only slowly, and a run whose sparse calls were cut to the floor (measured
    /// 2026-12-05: 0.06/s at a 1/s limit) would otherwise make every later week as slow.
    /// </summary>
    private OperationPace StartPace(string operation) =>
        AwsCallCounters.Current?.StartRates.TryGetValue(operation, out var learnt) == true && learnt > 0
            ? OperationPace.Learnt(Math.Clamp(learnt, Math.Min(_start * AdaptiveBucket.Beta, _ceiling), _ceiling), time)
            : new OperationPace(_start, time.GetTimestamp());
}
