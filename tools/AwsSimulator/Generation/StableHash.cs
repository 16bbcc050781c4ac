namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// A hash that is the same on every machine and run (string.GetHashCode is randomized per
/// process), so the organization is a pure function of the seed.
/// </summary>
internal static class StableHash
{
    public static ulong Of(long seed, params ReadOnlySpan<string> parts)
    {
        var hash = 14695981039346656037UL ^ Mix((ulong)seed);
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            // Separator, so ("ab","c") and ("a","bc") differ.
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>A uniform double in [0, 1) from the same inputs.</summary>
    public static double Unit(long seed, params ReadOnlySpan<string> parts) => (Of(seed, parts) >> 11) * (1.0 / (1UL << 53));

    public static ulong Mix(ulong z)
    {
        // SplitMix64 finalizer: spreads FNV's weak low bits.
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
