namespace ComplianceReport.AwsSimulator.Model;

/// <summary>Config data of one account and region as of the current simulated week.</summary>
public sealed record SimulatedRegion(
    string AccountId,
    string Region,
    bool HasRecorder,
    IReadOnlyList<SimulatedRule> Rules,
    IReadOnlyList<SimulatedFinding> NonCompliant);
