namespace ComplianceReport.AwsSimulator.Faults;

/// <summary>
/// The simulator's notion of now: a TimeProvider plus an offset that tests move forward
/// (POST /_sim/advance-clock) to expire sessions without waiting an hour.
/// </summary>
internal sealed class SimulatorClock(TimeProvider timeProvider)
{
    private long _offsetTicks;

    public DateTimeOffset UtcNow => timeProvider.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Seconds on a monotonic scale that also moves with the offset, for token buckets.</summary>
    public double MonotonicSeconds =>
        (double)timeProvider.GetTimestamp() / timeProvider.TimestampFrequency + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks)).TotalSeconds;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
