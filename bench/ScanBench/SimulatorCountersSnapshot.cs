namespace ComplianceReport.ScanBench;

/// <summary>The simulator's counters at one moment; subtract two to get one phase's share.</summary>
public sealed record SimulatorCountersSnapshot(long TotalRequests, long Throttled, long ErrorsInjected, IReadOnlyDictionary<string, long> ByOperation)
{
    public static SimulatorCountersSnapshot operator -(SimulatorCountersSnapshot after, SimulatorCountersSnapshot before) => new(
        after.TotalRequests - before.TotalRequests,
        after.Throttled - before.Throttled,
        after.ErrorsInjected - before.ErrorsInjected,
        after.ByOperation.ToDictionary(p => p.Key, p => p.Value - before.ByOperation.GetValueOrDefault(p.Key), StringComparer.Ordinal));

    /// <summary>The aggregate Config operations an aggregator-sourced run calls, all in the aggregator's account and region.</summary>
    public static readonly IReadOnlySet<string> AggregatorOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "DescribeConfigurationAggregatorSourcesStatus",
        "SelectAggregateResourceConfig",
        "BatchGetAggregateResourceConfig",
        "GetAggregateComplianceDetailsByConfigRule",
        "DescribeAggregateComplianceByConfigRules",
    };

    public long Operation(string name) => ByOperation.GetValueOrDefault(name);

    /// <summary>Calls to AWS Config (the throttled service), in the accounts or through the aggregator, leaving STS and Organizations out.</summary>
    public long ConfigCalls => Operation("DescribeConfigurationRecorderStatus") + Operation("DescribeComplianceByConfigRule")
        + Operation("GetComplianceDetailsByConfigRule") + Operation("BatchGetResourceConfig") + Operation("DescribeConfigRules")
        + AggregatorOperations.Sum(Operation);
}
