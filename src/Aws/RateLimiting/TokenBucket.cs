namespace ComplianceReport.Aws.RateLimiting;

/// <summary>
/// A token bucket: <c>burst</c> tokens at most, refilled at <c>rate</c> per second; waiters queue in order.
/// <see cref="SlowDown"/> halves the refill rate when AWS throttles despite the pacing (its real
/// limit is lower than configured); every token granted afterwards wins a little of it back.
/// </summary>
internal sealed class TokenBucket
{
    /// <summary>How far below the configured rate repeated throttling may push a bucket.</summary>
    public const double MinRateFactor = 1.0 / 16;

    /// <summary>Grants needed to climb from a halved rate back to the configured one.</summary>
    private const double RecoveryGrants = 32;

    private readonly double _maxRate;
    private double _rate;
    private readonly double _capacity;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _queue = new(1, 1);
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double rate, int burst, TimeProvider time)
    {
        _rate = rate;
        _maxRate = rate;
        _capacity = burst;
        _time = time;
        _tokens = burst;
        _lastRefill = time.GetTimestamp();
    }

    public async ValueTask TakeAsync(CancellationToken cancellationToken)
    {
        // One waiter at a time: the head of the queue sleeps until its token exists, the rest wait behind it.
        await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _time.GetTimestamp();
                _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_lastRefill, now).TotalSeconds * Volatile.Read(ref _rate)));
                _lastRefill = now;
                var rate = Volatile.Read(ref _rate);
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    Volatile.Write(ref _rate, Math.Min(_maxRate, rate + (_maxRate / (2 * RecoveryGrants))));
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds((1 - _tokens) / rate), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _queue.Release();
        }
    }

    /// <summary>AWS throttled a call that went through this bucket: halve the rate, down to a floor.</summary>
    public void SlowDown() => Volatile.Write(ref _rate, Math.Max(_maxRate * MinRateFactor, Volatile.Read(ref _rate) / 2));
}
