namespace ComplianceReport.Compliance.Ports;

/// <summary>
/// A run's persisted notes about its external effects. A sink writes its intent here before each
/// side effect (and the outcome after it), so the run, resumed on any silo after a crash, can
/// check what the lost attempt may already have done instead of doing it twice.
/// </summary>
public interface IDeliveryJournal
{
    string? Get(string key);

    /// <summary>Records the value; it is in the run's persisted state when the task completes.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
