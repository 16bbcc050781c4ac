using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Grains.Reports.Delivery;

/// <summary>The delivery journal kept in the run's persisted state: every entry is saved before the sink goes on.</summary>
internal sealed class RunDeliveryJournal(Dictionary<string, string> entries, Func<CancellationToken, Task> saveAsync) : IDeliveryJournal
{
    public string? Get(string key) => entries.TryGetValue(key, out var value) ? value : null;

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        entries[key] = value;

        // Saved even when the delivery is being cancelled: the effect may be under way already.
        await saveAsync(CancellationToken.None);
    }
}
