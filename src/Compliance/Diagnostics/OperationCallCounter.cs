namespace ComplianceReport.Compliance.Diagnostics;

/// <summary>
/// One operation's paced calls in one scan: answers, throttling answers, the highest rate it was
/// granted at, and the rate at which AWS last throttled it.
/// </summary>
public sealed class OperationCallCounter
{
    private readonly Lock _sync = new();
    private long _answered;
    private long _throttled;
    private double _peakRate;
    private double _throttlePoint;

    /// <summary>Attempts AWS answered, throttled or not.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>The highest rate, in requests per second, the limiter granted a request of this operation at.</summary>
    public double PeakRate
    {
        get
        {
            lock (_sync)
            {
                return _peakRate;
            }
        }
    }

    /// <summary>The rate, in requests per second, that really went out when AWS last throttled this operation; 0 while it never did.</summary>
    public double ThrottlePoint
    {
        get
        {
            lock (_sync)
            {
                return _throttlePoint;
            }
        }
    }

    public void Granted(double rate)
    {
        lock (_sync)
        {
            _peakRate = Math.Max(_peakRate, rate);
        }
    }

    public void Answer()
    {
        Interlocked.Increment(ref _answered);
    }

    /// <summary>AWS throttled an attempt sent while the bucket's requests went out at <paramref name="throttlePoint"/> per second.</summary>
    public void Throttle(double throttlePoint)
    {
        Interlocked.Increment(ref _answered);
        Interlocked.Increment(ref _throttled);
        lock (_sync)
        {
            _throttlePoint = throttlePoint;
        }
    }
}
