namespace ComplianceReport.AwsSimulator.Faults;

/// <summary>
/// The random source for injected faults, seeded so a run is repeatable in its fault mix (the
/// data never depends on it).
/// </summary>
internal sealed class FaultDice(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    public bool Roll(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        lock (_lock)
        {
            return _random.NextDouble() < probability;
        }
    }

    /// <summary>A latency around <paramref name="milliseconds"/> with ±50% jitter.</summary>
    public TimeSpan Latency(int milliseconds)
    {
        if (milliseconds <= 0)
        {
            return TimeSpan.Zero;
        }

        lock (_lock)
        {
            return TimeSpan.FromMilliseconds(milliseconds * (0.5 + _random.NextDouble()));
        }
    }
}
