namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// A hash that is the same on every machine and run (string.GetHashCode is randomized per
/// process), so the organization is a pure function of the seed. FNV-1a over the parts, finished
/// with SplitMix64; streaming, so callers hash a shared prefix once.
/// </summary>
internal static class StableHash
{
    public static ulong Of(long seed, params ReadOnlySpan<string> parts) => Finish(Append(Start(seed), parts));

    /// <summary>A uniform double in [0, 1) from the same inputs.</summary>
    public static double Unit(long seed, params ReadOnlySpan<string> parts) => ToUnit(Of(seed, parts));

    public static ulong Start(long seed) => 14695981039346656037UL ^ Mix((ulong)seed);

    public static ulong Append(ulong state, params ReadOnlySpan<string> parts)
    {
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                state = (state ^ c) * 1099511628211UL;
            }

            // Separator, so ("ab","c") and ("a","bc") differ.
            state = (state ^ 0x1F) * 1099511628211UL;
        }

        return state;
    }

    public static ulong Finish(ulong state) => Mix(state);

    public static double ToUnit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    public static ulong Mix(ulong z)
    {
        // SplitMix64 finalizer: spreads FNV's weak low bits.
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
