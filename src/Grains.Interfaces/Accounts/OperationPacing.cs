namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>How one AWS operation was paced: its attempts, how many AWS throttled, the highest rate the limiter reached.</summary>
/// <param name="Operation">The AWS operation, for example <c>GetComplianceDetailsByConfigRule</c>.</param>
/// <param name="Calls">Attempts AWS answered, throttled or not.</param>
/// <param name="Throttled">Attempts AWS answered with a throttling error.</param>
/// <param name="PeakRequestsPerSecond">The highest rate, per account and region, at which the limiter let a request of the operation go.</param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.OperationPacing")]
public sealed record OperationPacing(
    [property: Id(0)] string Operation,
    [property: Id(1)] long Calls,
    [property: Id(2)] long Throttled,
    [property: Id(3)] double PeakRequestsPerSecond)
{
    /// <summary>Throttled attempts as a share of all attempts, 0 to 1.</summary>
    public double ThrottledShare => Calls == 0 ? 0 : (double)Throttled / Calls;

    /// <summary>One line per operation, in name order: attempts and throttling added up, the highest peak kept.</summary>
    public static IReadOnlyList<OperationPacing> Merge(IEnumerable<IReadOnlyList<OperationPacing>?> lists) =>
        lists
            .SelectMany(list => list ?? [])
            .GroupBy(p => p.Operation, StringComparer.Ordinal)
            .Select(g => new OperationPacing(g.Key, g.Sum(p => p.Calls), g.Sum(p => p.Throttled), g.Max(p => p.PeakRequestsPerSecond)))
            .OrderBy(p => p.Operation, StringComparer.Ordinal)
            .ToList();
}
