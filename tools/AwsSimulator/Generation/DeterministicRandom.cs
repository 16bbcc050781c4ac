namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>SplitMix64 stream: tiny, fast and identical across .NET versions (System.Random is not guaranteed to be).</summary>
internal sealed class DeterministicRandom
{
    private const string LowerHex = "0123456789abcdef";
    private const string UpperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ulong _state;

    public DeterministicRandom(ulong seed)
    {
        _state = seed;
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return StableHash.Mix(_state);
    }

    /// <summary>An integer in [minInclusive, maxInclusive].</summary>
    public int Between(int minInclusive, int maxInclusive) =>
        minInclusive + (int)(NextUInt64() % (ulong)(maxInclusive - minInclusive + 1));

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[(int)(NextUInt64() % (ulong)items.Count)];

    public string Hex(int length) => Chars(LowerHex, length);

    public string Upper(int length) => Chars(UpperAlphanumeric, length);

    public string Lower(int length) => Chars(LowerAlphanumeric, length);

    private string Chars(string alphabet, int length) =>
        string.Create(length, this, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[(int)(random.NextUInt64() % (ulong)alphabet.Length)];
            }
        });
}
