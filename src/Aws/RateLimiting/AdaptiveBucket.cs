namespace ComplianceReport.Aws.RateLimiting;

/// <summary>
/// A token bucket whose refill rate is learnt from AWS's answers (the adaptive retry mode of the
/// AWS SDKs does the same): until the first throttling answer it climbs by
/// <see cref="SlowStartIncrement"/> per successful call, which doubles the rate in well under a
/// second of full demand; a throttling answer cuts it to <see cref="Beta"/> of the rate it had,
/// and from there it follows a CUBIC curve back: quickly up to just under the rate that was
/// throttled, flat around it for about <see cref="PlateauSeconds"/>, then probing above it.
/// CUBIC rather than AIMD because AWS limits a bucket at a fixed rate: a call above it is wasted
/// (a round trip and a wait), a call below it is lost throughput. AIMD's saw tooth keeps probing
/// past the limit at the same pace whatever it learnt, spending many calls of a 55-call chain
/// throttled at 1 request/s; CUBIC spends most of its time just under the point it was throttled at and probes
/// rarely, which is what keeps both the wall time and the throttled share low.
/// </summary>
internal sealed class AdaptiveBucket
{
    /// <summary>The cut on throttling: CUBIC's and the AWS SDKs' 0.7, since the plateau soon wins back what a halving would lose.</summary>
    public const double Beta = 0.7;

    /// <summary>
    /// Seconds after a cut until the rate is back at the throttling point; then as long again
    /// before it probes noticeably above it. Long enough that a bucket at 1 request/s sends some
    /// 20 calls between throttling answers (about 5% of calls throttled), short enough that a raised
    /// AWS limit is found within a run.
    /// </summary>
    public const double PlateauSeconds = 10;

    /// <summary>
    /// The plateau's share of the point it was throttled at when AWS throttles on the plateau itself.
    /// A limit with a burst of 1 throttles calls sent at its very rate about half the time (a
    /// request's latency varies by tens of milliseconds, so two arrive closer than they were sent):
    /// the plateau steps below until it is quiet, 5% at a time.
    /// </summary>
    public const double PlateauBackOff = 0.95;

    /// <summary>
    /// The longest the plateau is held before probing above it again. A probe that finds AWS's limit
    /// where the plateau already was only costs a throttled call and a cut: each such probe holds the
    /// next plateau <see cref="PlateauSeconds"/> longer, up to this.
    /// </summary>
    public const double MaxHoldSeconds = 3 * PlateauSeconds;

    /// <summary>Requests per second added per successful call while nothing says where the limit is.</summary>
    public const double SlowStartIncrement = 1;

    /// <summary>How far below the starting rate repeated throttling may push a bucket.</summary>
    public const double MinRateFactor = 1.0 / 16;

    /// <summary>
    /// Throttling answers this soon after a cut are to calls sent before it (in flight at the old
    /// rate): they say nothing new, so they cut no further.
    /// </summary>
    public static readonly TimeSpan CutCooldown = TimeSpan.FromSeconds(1);

    /// <summary>How often the rate requests really went out at is measured (the AWS SDKs use half a second too).</summary>
    public static readonly TimeSpan MeasureWindow = TimeSpan.FromMilliseconds(500);

    private const double TokenTolerance = 1e-9;

    /// <summary>The shortest sleep for a token: a timer never fires sooner, and a zero wait would not sleep at all.</summary>
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(1);

    /// <summary>Weight of the latest window in the measured rate, as the AWS SDKs smooth it.</summary>
    private const double Smoothing = 0.8;

    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _queue = new(1, 1);
    private readonly TimeProvider _time;
    private readonly OperationPace _shared;
    private readonly double _floor;
    private readonly double _ceiling;
    private double _capacity;
    private double _rate;
    private double _tokens;
    private long _lastRefill;
    private long _lastUsed;
    private double _throttlePoint;
    private long _throttledAt;
    private double _hold;
    private double _measured;
    private long _lastGrant;
    private long _previousGrant;
    private long _windowStart;
    private int _windowGrants;

    public AdaptiveBucket(double startRate, double ceiling, int burst, OperationPace shared, TimeProvider time)
    {
        _time = time;
        _shared = shared;
        _floor = startRate * MinRateFactor;
        _ceiling = ceiling;
        // Peers climbing in slow start may run above the operation's plateau; a new bucket starts at most on it.
        var (plateau, _, _) = shared.ThrottlePoint();
        _rate = Math.Clamp(plateau > 0 ? Math.Min(shared.Rate, plateau) : shared.Rate, _floor, ceiling);
        // An operation whose calls AWS throttled already has told us its burst may be smaller than ours.
        _capacity = shared.BurstRefused ? 1 : burst;
        _tokens = _capacity;
        _lastRefill = _lastUsed = _windowStart = time.GetTimestamp();
        _measured = _rate;
    }

    /// <summary>The refill rate now, in requests per second.</summary>
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

    /// <summary>Time since a request last went through this bucket.</summary>
    public TimeSpan Idle
    {
        get
        {
            lock (_sync)
            {
                return _time.GetElapsedTime(_lastUsed);
            }
        }
    }

    /// <summary>Waits for a token, in order of arrival; returns the rate it was granted at.</summary>
    public async ValueTask<double> TakeAsync(CancellationToken cancellationToken)
    {
        // One waiter at a time: the head of the queue sleeps until its token exists, the rest wait behind it.
        await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_sync)
                {
                    var now = _time.GetTimestamp();
                    _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_lastRefill, now).TotalSeconds * _rate));
                    _lastRefill = _lastUsed = now;
                    // Refills add up in floating point: a token one rounding error short is a token, or the
                    // wait below would round to no time at all and this loop would spin.
                    if (_tokens >= 1 - TokenTolerance)
                    {
                        _tokens = Math.Max(0, _tokens - 1);
                        _previousGrant = _lastGrant;
                        _lastGrant = now;
                        Measure(now);
                        return _rate;
                    }

                    wait = TimeSpan.FromSeconds(Math.Max((1 - _tokens) / _rate, MinWait.TotalSeconds));
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _queue.Release();
        }
    }

    /// <summary>The rate at which requests really went out, smoothed over windows of <see cref="MeasureWindow"/>.</summary>
    private void Measure(long now)
    {
        _windowGrants++;
        var span = _time.GetElapsedTime(_windowStart, now);
        if (span >= MeasureWindow)
        {
            _measured = (Smoothing * (_windowGrants / span.TotalSeconds)) + ((1 - Smoothing) * _measured);
            _windowGrants = 0;
            _windowStart = now;
        }
    }

    /// <summary>A call through this bucket was answered: climb, by slow start or along the CUBIC curve.</summary>
    public void Succeeded()
    {
        lock (_sync)
        {
            var now = _time.GetTimestamp();

            // A bucket never throttled itself follows where its peers of the same operation were.
            var (point, at, hold) = _throttlePoint > 0 ? (_throttlePoint, _throttledAt, _hold) : _shared.ThrottlePoint();
            double next;
            if (point <= 0)
            {
                next = _rate + SlowStartIncrement;
            }
            else
            {
                // Up the concave half to the plateau, along it for the hold, then the convex half above it.
                var sinceCut = _time.GetElapsedTime(at, now).TotalSeconds;
                var x = (sinceCut - PlateauSeconds) / PlateauSeconds;
                if (x > 0)
                {
                    x = Math.Max(0, (sinceCut - PlateauSeconds - hold) / PlateauSeconds);
                }

                var curve = point * (1 + ((1 - Beta) * x * x * x));

                // Below the throttling point the curve is known ground; above it, probe no faster than slow start.
                next = curve <= point ? curve : Math.Min(curve, Math.Max(_rate, point) + SlowStartIncrement);
            }

            // A chain that waits on its answers sends slower than the bucket allows: climbing far past
            // what really went out would only make the throttling point, and the cut, meaningless.
            if (next > _rate)
            {
                next = Math.Min(next, Math.Max(_rate, 2 * _measured));
            }

            _rate = Math.Clamp(next, _floor, _ceiling);
            _shared.Ran(_rate, now);
        }
    }

    /// <summary>
    /// AWS throttled a call through this bucket: set the plateau from the rate requests really went
    /// out at, and cut. Returns the plateau the bucket now holds (where the next run may start).
    /// </summary>
    public double Throttled()
    {
        lock (_sync)
        {
            var now = _time.GetTimestamp();
            if (_throttlePoint > 0 && _time.GetElapsedTime(_throttledAt, now) < CutCooldown)
            {
                return _throttlePoint;
            }

            // What really went out when AWS said no, as in the AWS SDKs' adaptive mode; for an operation
            // called a few times per account-region the smoothed rate still remembers idle time, so the
            // spacing of the last two requests says more. Never above the rate the bucket allowed.
            var sent = Math.Min(_rate, Math.Max(Math.Max(_measured, LastSpacingRate()), _floor));
            var (known, _, knownHold) = _throttlePoint > 0 ? (_throttlePoint, _throttledAt, _hold) : _shared.ThrottlePoint();
            if (known <= 0)
            {
                // The first limit found.
                _throttlePoint = sent;
                _hold = 0;
            }
            else
            {
                // Throttled on the plateau (or below it): the plateau is too high. Throttled while probing
                // above it: the plateau was right, unless the probe went far past it first (AWS allows more now).
                _throttlePoint = sent <= known * (2 - PlateauBackOff)
                    ? Math.Max(_floor, Math.Min(sent, known) * PlateauBackOff)
                    : Math.Max(known, sent * (2 * PlateauBackOff - 1));
                _hold = sent >= known * (2 * PlateauBackOff - 1) && sent <= known * 1.15 ? Math.Min(knownHold + PlateauSeconds, MaxHoldSeconds) : 0;
            }

            _throttledAt = now;
            _rate = Math.Max(_floor, _throttlePoint * Beta);

            // The server's bucket is empty: tokens saved up here would only be throttled too. Its burst may
            // also be smaller than ours (a throttled back-to-back pair at any average rate says so): from
            // now on, one request per token's time, or the cuts would chase the burst down to the floor.
            _tokens = Math.Min(_tokens, 0);
            _capacity = 1;
            _shared.Cut(_throttlePoint, _hold, _rate, now);
            return _throttlePoint;
        }
    }

    /// <summary>The rate the last two requests went out at; 0 before the second.</summary>
    private double LastSpacingRate()
    {
        if (_previousGrant == 0)
        {
            return 0;
        }

        var seconds = _time.GetElapsedTime(_previousGrant, _lastGrant).TotalSeconds;
        return seconds > 0 ? 1 / seconds : double.PositiveInfinity;
    }
}
