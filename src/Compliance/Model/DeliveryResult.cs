namespace ComplianceReport.Compliance.Model;

/// <summary>What one sink did with a report.</summary>
/// <param name="Location">Where it went: a file path, <c>s3://bucket/key</c>, a Jira issue key.</param>
/// <param name="Link">A link for people (presigned URL, Jira browse URL), when there is one.</param>
public sealed record DeliveryResult(string Sink, bool Succeeded, string? Location, string? Link, string? Error);
