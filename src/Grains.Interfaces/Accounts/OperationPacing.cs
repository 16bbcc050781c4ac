namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>How one AWS operation was paced: its attempts, how many AWS throttled, the highest rate the limiter reached, where AWS's limit was found.</summary>
/// <param name="Operation">The AWS operation, for example <c>GetComplianceDetailsByConfigRule</c>.</param>
/// <param name="Calls">Attempts AWS answered, throttled or not.</param>
/// <param name="Throttled">Attempts AWS answered with a throttling error.</param>
/// <param name="PeakRequestsPerSecond">The highest rate, per account and region, at which the limiter let a request of the operation go.</param>
/// <param name="ThrottledAtRequestsPerSecond">
/// The rate, per account and region, at which AWS last throttled the operation (the median over the
/// scans it throttled); 0 when it never did. The next scheduled run starts the operation there.
/// </param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.OperationPacing")]
public sealed record OperationPacing(
    [property: Id(0)] string Operation,
    [property: Id(1)] long Calls,
    [property: Id(2)] long Throttled,
    [property: Id(3)] double PeakRequestsPerSecond,
    [property: Id(4)] double ThrottledAtRequestsPerSecond = 0)
{
    /// <summary>The throttled share above which the next run starts the operation below its limit: the throttled share the pacing aims to stay under.</summary>
    private const double OftenThrottledShare = 0.05;

    /// <summary>Where such an operation starts, as a share of its limit: two of the limiter's 5% steps, one run's worth of them.</summary>
    private const double OftenThrottledStart = 0.9;

    /// <summary>How far above the limit found the highest rate may be before that limit is not trusted for the next start.</summary>
    private const double UntrustedLimitFactor = 2;

    /// <summary>Throttled attempts as a share of all attempts, 0 to 1.</summary>
    public double ThrottledShare => Calls == 0 ? 0 : (double)Throttled / Calls;

    /// <summary>
    /// Where the next scheduled run starts the operation, in requests per second per account and
    /// region; 0: at the configured rate. That is the limit found, or 0.9 of it when the operation was
    /// throttled often (a chain of two pages sent one token's time apart meets a burst of 1 with latency
    /// jitter half the time), and 0 when it was never throttled or when its highest rate was more than
    /// twice the limit (the few account-regions throttled, early in a slow start say, do not describe it).
    /// </summary>
    public double NextStartRequestsPerSecond =>
        ThrottledAtRequestsPerSecond <= 0 || PeakRequestsPerSecond > UntrustedLimitFactor * ThrottledAtRequestsPerSecond
            ? 0
            : ThrottledAtRequestsPerSecond * (ThrottledShare > OftenThrottledShare ? OftenThrottledStart : 1);

    /// <summary>
    /// One line per operation, in name order: attempts and throttling added up, the highest peak
    /// kept, and the median of the throttling points (the median, not the lowest: one account-region
    /// throttled early in its burst would otherwise set everyone's start).
    /// </summary>
    public static IReadOnlyList<OperationPacing> Merge(IEnumerable<IReadOnlyList<OperationPacing>?> lists) =>
        lists
            .SelectMany(list => list ?? [])
            .GroupBy(p => p.Operation, StringComparer.Ordinal)
            .Select(g => new OperationPacing(
                g.Key,
                g.Sum(p => p.Calls),
                g.Sum(p => p.Throttled),
                g.Max(p => p.PeakRequestsPerSecond),
                Median([.. g.Select(p => p.ThrottledAtRequestsPerSecond).Where(r => r > 0)])))
            .OrderBy(p => p.Operation, StringComparer.Ordinal)
            .ToList();

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
