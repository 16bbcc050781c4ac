namespace ComplianceReport.AwsSimulator.Model;

/// <summary>
/// An account of the simulated organization. <see cref="IsDenied"/>: its read role refuses
/// AssumeRole. <see cref="RegionWithoutRecorder"/>: the region where Config has no recorder, if any.
/// <see cref="Tags"/>: the account's Organizations tags; <see cref="TagsDenied"/>: ListTagsForResource
/// on this account answers AccessDeniedException.
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
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public bool TagsDenied { get; init; }

    public bool IsSuspended => Status == "SUSPENDED";
}
