namespace ComplianceReport.AwsSimulator.Faults;

/// <summary>A classic token bucket: <c>burst</c> tokens, refilled at <c>rate</c> per second.</summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly double _burst;
    private readonly Lock _lock = new();
    private double _tokens;
    private double _last;

    public TokenBucket(double rate, int burst, double nowSeconds)
    {
        _rate = rate;
        _burst = burst;
        _tokens = burst;
        _last = nowSeconds;
    }

    public bool TryTake(double nowSeconds)
    {
        lock (_lock)
        {
            if (nowSeconds > _last)
            {
                _tokens = Math.Min(_burst, _tokens + (nowSeconds - _last) * _rate);
                _last = nowSeconds;
            }

            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }

            return false;
        }
    }
}
