namespace ComplianceReport.Compliance.Model;

/// <summary>
/// One account's Organizations tags and when they were read; <see cref="Failure"/> when the
/// latest read failed and no earlier read stands in (the tags are then empty).
/// </summary>
public sealed record CachedAccountTags(IReadOnlyDictionary<string, string> Tags, DateTimeOffset ReadAt, string? Failure = null);
