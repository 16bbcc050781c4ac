namespace ComplianceReport.Aws.RateLimiting;

/// <summary>
/// What the buckets of one operation learnt, shared across account-regions: AWS limits each
/// account-region apart, but by operation alike more often than not, so a bucket that starts late
/// (an account discovered later in the run) starts from its peers' rate instead of the configured
/// one, and a bucket never throttled itself follows its peers' last throttling point.
/// </summary>
internal sealed class OperationPace
{
    private readonly Lock _sync = new();
    private double _rate;
    private double _throttlePoint;
    private long _throttledAt;
    private double _hold;
    private bool _burstRefused;
    private long _updatedAt;

    /// <summary>The rate a new bucket of the operation starts at: the latest any of them ran at.</summary>
    public double Rate
    {
        get
        {
            lock (_sync)
            {
                return _rate;
            }
        }
    }

    public OperationPace(double startRate, long timestamp)
    {
        _rate = startRate;
        _updatedAt = timestamp;
    }

    /// <summary>
    /// An operation whose limit a previous run found at <paramref name="throttlePoint"/>: its buckets
    /// start there, as on the plateau of a cut <see cref="AdaptiveBucket.PlateauSeconds"/> ago, so they
    /// hold the known rate for a while and then probe above it, instead of slow-starting from the
    /// configured rate past the limit all at once (a scheduled run starts every account together).
    /// </summary>
    public static OperationPace Learnt(double throttlePoint, TimeProvider time)
    {
        var now = time.GetTimestamp();
        var pace = new OperationPace(throttlePoint, now);
        pace._throttlePoint = throttlePoint;
        pace._throttledAt = now - (long)(AdaptiveBucket.PlateauSeconds * time.TimestampFrequency);
        pace._hold = AdaptiveBucket.PlateauSeconds;
        pace._burstRefused = true;
        return pace;
    }

    /// <summary>When a bucket of the operation last ran or was cut.</summary>
    public long UpdatedAt
    {
        get
        {
            lock (_sync)
            {
                return _updatedAt;
            }
        }
    }

    public void Ran(double rate, long timestamp)
    {
        lock (_sync)
        {
            _rate = rate;
            _updatedAt = timestamp;
        }
    }

    /// <summary>True once AWS throttled any bucket of the operation: new buckets then start without a burst.</summary>
    public bool BurstRefused
    {
        get
        {
            lock (_sync)
            {
                return _burstRefused;
            }
        }
    }

    /// <summary>A bucket was throttled, set its plateau at <paramref name="throttlePoint"/> held for <paramref name="hold"/> seconds, and was cut to <paramref name="rate"/>.</summary>
    public void Cut(double throttlePoint, double hold, double rate, long timestamp)
    {
        lock (_sync)
        {
            _throttlePoint = throttlePoint;
            _hold = hold;
            _burstRefused = true;
            _throttledAt = timestamp;
            _updatedAt = timestamp;
            _rate = rate;
        }
    }

    /// <summary>The latest plateau of any bucket of the operation, when it was set and how long it holds; rate 0 while none was throttled.</summary>
    public (double Rate, long At, double Hold) ThrottlePoint()
    {
        lock (_sync)
        {
            return (_throttlePoint, _throttledAt, _hold);
        }
    }
}
