namespace ComplianceReport.AwsSimulator.Model;

/// <summary>
/// An account of the simulated organization. <see cref="IsDenied"/>: its read role refuses
/// AssumeRole. <see cref="RegionWithoutRecorder"/>: the region where Config has no recorder, if any.
/// </summary>
public sealed record SimulatedAccount(
    string Id,
    string Arn,
    string Name,
    string Email,
    string Status,
    string ParentId,
    string OuPath,
    DateTimeOffset JoinedAt,
    bool IsManagement,
    bool IsDenied,
    string? RegionWithoutRecorder)
{
    public bool IsSuspended => Status == "SUSPENDED";
}
