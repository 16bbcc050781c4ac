using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ComplianceReport.Aws.Compliance;

/// <summary>
/// One shared instance per distinct value of the fields that repeat across thousands of accounts
/// (rule names, resource types, annotations): an organization's scan otherwise keeps millions of
/// equal strings alive, one per region or evaluation. Bounded, so data where those values are
/// unique (names suffixed per account) cannot grow it without limit: past the bound values pass through.
/// </summary>
internal sealed class StringPool(int capacity)
{
    /// <summary>Enough for every rule, type and annotation of a large organization; a few MiB when full.</summary>
    public const int DefaultCapacity = 50_000;

    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    [return: NotNullIfNotNull(nameof(value))]
    public string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return _values.Count < capacity ? _values.GetOrAdd(value, value) : value;
    }
}
