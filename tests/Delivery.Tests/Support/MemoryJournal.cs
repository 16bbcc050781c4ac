using System.Collections.Concurrent;
using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Delivery.Tests.Support;

/// <summary>A delivery journal in memory: what a run's persisted state would hold between attempts.</summary>
public sealed class MemoryJournal : IDeliveryJournal
{
    public ConcurrentDictionary<string, string> Entries { get; } = new(StringComparer.Ordinal);

    public string? Get(string key) => Entries.TryGetValue(key, out var value) ? value : null;

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Entries[key] = value;
        return Task.CompletedTask;
    }
}
