using ComplianceReport.Compliance.Diagnostics;

namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>What scans cost in AWS requests: calls, retried attempts, throttling answers and timed-out attempts, and how each operation was paced.</summary>
[GenerateSerializer, Immutable, Alias("ComplianceReport.AwsCallCount")]
public sealed record AwsCallCount(
    [property: Id(0)] long Calls,
    [property: Id(1)] long Retries,
    [property: Id(2)] long Throttles,
    [property: Id(3)] long Timeouts)
{
    public static readonly AwsCallCount None = new(0, 0, 0, 0);

    /// <summary>The paced attempts by operation; empty for calls made before the limiter counted them.</summary>
    [Id(4)]
    public IReadOnlyList<OperationPacing> Operations { get; init; } = [];

    /// <summary>What a set of counters counted so far.</summary>
    public static AwsCallCount Of(AwsCallCounters counters) =>
        new(counters.Calls, counters.Retries, counters.Throttles, counters.Timeouts)
        {
            Operations = counters.Operations
                .Select(o => new OperationPacing(o.Key, o.Value.Answered, o.Value.Throttled, o.Value.PeakRate, o.Value.ThrottlePoint))
                .OrderBy(o => o.Operation, StringComparer.Ordinal)
                .ToList(),
        };

    public static AwsCallCount Sum(IEnumerable<AwsCallCount> counts)
    {
        long calls = 0, retries = 0, throttles = 0, timeouts = 0;
        var operations = new List<IReadOnlyList<OperationPacing>?>();
        foreach (var count in counts)
        {
            operations.Add(count.Operations);
            calls += count.Calls;
            retries += count.Retries;
            throttles += count.Throttles;
            timeouts += count.Timeouts;
        }

        return new AwsCallCount(calls, retries, throttles, timeouts) { Operations = OperationPacing.Merge(operations) };
    }
}
