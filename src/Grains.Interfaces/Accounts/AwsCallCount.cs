namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>What scans cost in AWS requests: calls, retried attempts, throttling answers and timed-out attempts.</summary>
[GenerateSerializer, Immutable, Alias("ComplianceReport.AwsCallCount")]
public sealed record AwsCallCount(
    [property: Id(0)] long Calls,
    [property: Id(1)] long Retries,
    [property: Id(2)] long Throttles,
    [property: Id(3)] long Timeouts)
{
    public static readonly AwsCallCount None = new(0, 0, 0, 0);

    public static AwsCallCount Sum(IEnumerable<AwsCallCount> counts)
    {
        long calls = 0, retries = 0, throttles = 0, timeouts = 0;
        foreach (var count in counts)
        {
            calls += count.Calls;
            retries += count.Retries;
            throttles += count.Throttles;
            timeouts += count.Timeouts;
        }

        return new AwsCallCount(calls, retries, throttles, timeouts);
    }
}
