namespace ComplianceReport.Compliance.Diagnostics;

/// <summary>One operation's paced calls in one scan: answers, throttling answers, and the highest rate it was granted at.</summary>
public sealed class OperationCallCounter
{
    private readonly Lock _sync = new();
    private long _answered;
    private long _throttled;
    private double _peakRate;

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

    public void Granted(double rate)
    {
        lock (_sync)
        {
            _peakRate = Math.Max(_peakRate, rate);
        }
    }

    public void Answer(bool throttled)
    {
        Interlocked.Increment(ref _answered);
        if (throttled)
        {
            Interlocked.Increment(ref _throttled);
        }
    }
}
