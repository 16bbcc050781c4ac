using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Grains.Reports.Delivery;

/// <summary>
/// The delivery journal kept in the run's persisted state: every entry is saved before the sink goes on.
/// Created on the run grain's scheduler; sinks call it from wherever their awaits resumed (they use
/// <c>ConfigureAwait(false)</c>), so each write is marshalled back to that scheduler, where the
/// grain's state may be touched and saved.
/// </summary>
internal sealed class RunDeliveryJournal(Dictionary<string, string> entries, Func<CancellationToken, Task> saveAsync) : IDeliveryJournal
{
    private readonly TaskScheduler _grainScheduler = TaskScheduler.Current;

    public string? Get(string key) => entries.TryGetValue(key, out var value) ? value : null;

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            async () =>
            {
                entries[key] = value;

                // Saved even when the delivery is being cancelled: the effect may be under way already.
                await saveAsync(CancellationToken.None);
            },
            CancellationToken.None,
            TaskCreationOptions.None,
            _grainScheduler).Unwrap();
}
