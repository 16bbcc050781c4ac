namespace ComplianceReport.Aws.RateLimiting;

/// <summary>A token bucket: <c>burst</c> tokens at most, refilled at <c>rate</c> per second; waiters queue in order.</summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly double _capacity;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _queue = new(1, 1);
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double rate, int burst, TimeProvider time)
    {
        _rate = rate;
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
                _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_lastRefill, now).TotalSeconds * _rate));
                _lastRefill = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds((1 - _tokens) / _rate), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _queue.Release();
        }
    }
}
