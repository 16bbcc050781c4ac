using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;

namespace ComplianceReport.Grains.Interfaces.Reports;

/// <summary>The record of one run: what it did, how far it got, where its outputs went.</summary>
/// <param name="AccountsTotal">Accounts in the report; while discovery is still walking, the accounts known so far.</param>
/// <param name="Failures">Accounts and regions not scanned, with reasons.</param>
/// <param name="Resumes">How often the run was picked up again after its silo stopped.</param>
/// <param name="AwsCalls">AWS requests the run's scans made, with retries and throttling answers.</param>
/// <param name="Totals">The evaluate stage's figures: final once the run is past scanning, over the accounts done so far before.
/// The account counts above repeat them for older readers.</param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.RunStatus")]
public sealed record RunStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] string IsoWeek,
    [property: Id(2)] RunTrigger Trigger,
    [property: Id(3)] RunPhase Phase,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? CompletedAt,
    [property: Id(6)] int AccountsTotal,
    [property: Id(7)] int AccountsDone,
    [property: Id(8)] int AccountsFailed,
    [property: Id(9)] int AccountsSkipped,
    [property: Id(10)] int NonCompliantResources,
    [property: Id(11)] double? CompliancePercent,
    [property: Id(12)] string? WorkbookPath,
    [property: Id(13)] IReadOnlyList<DeliveryResult> Deliveries,
    [property: Id(14)] IReadOnlyList<ErrorEntry> Failures,
    [property: Id(15)] string? TraceId,
    [property: Id(16)] string? Error,
    [property: Id(17)] int Resumes,
    [property: Id(18)] Accounts.AwsCallCount AwsCalls,
    [property: Id(19)] ReportTotals Totals)
{
    /// <summary>
    /// Each AWS operation's pacing over the whole run, Organizations discovery included: attempts,
    /// throttled attempts (<see cref="OperationPacing.ThrottledShare"/>) and the highest rate reached.
    /// </summary>
    [Id(20)]
    public IReadOnlyList<OperationPacing> Pacing { get; init; } = [];

    public bool IsFinished => Phase is RunPhase.Completed or RunPhase.CompletedWithErrors or RunPhase.Failed;

    /// <summary>True only for a run that completed and delivered everywhere it was meant to.</summary>
    public bool Succeeded => Phase == RunPhase.Completed;
}
