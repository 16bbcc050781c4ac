using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>The small answer of a scan: what the coordinator records, not the findings themselves.</summary>
/// <param name="Changes">New and resolved findings against the request's baseline run (empty without one).</param>
/// <param name="Reused">True when a fresh stored result was returned without calling AWS.</param>
/// <param name="AwsCalls">AWS requests this scan made (0 when reused); retries and throttling answers apart.</param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.AccountScanOutcome")]
public sealed record AccountScanOutcome(
    [property: Id(0)] AccountSummary Summary,
    [property: Id(1)] IReadOnlyList<ErrorEntry> Errors,
    [property: Id(2)] IReadOnlyList<FindingChange> Changes,
    [property: Id(3)] IReadOnlyDictionary<string, int> NonCompliantByRule,
    [property: Id(4)] bool Reused,
    [property: Id(5)] string? TraceId,
    [property: Id(6)] DateTimeOffset CompletedAt,
    [property: Id(7)] AwsCallCount AwsCalls)
{
    /// <summary>What the evaluate stage needs of this account.</summary>
    public AccountResult ToResult() => new(Summary, NonCompliantByRule, Changes, Errors, Reused);
}
