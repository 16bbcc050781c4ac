namespace ComplianceReport.Grains.Interfaces.Reports;

/// <summary>The run a start request led to.</summary>
/// <param name="AttachedToExisting">True when a run was already in progress and the caller was attached to it instead of starting one.</param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.RunStartResult")]
public sealed record RunStartResult(
    [property: Id(0)] RunStatus Run,
    [property: Id(1)] bool AttachedToExisting);
