namespace ComplianceReport.Compliance.Model;

/// <summary>A rule's severity and where it came from.</summary>
/// <param name="Basis">For people: <c>Security Hub EC2.13</c>, <c>Report:Severities</c>, or why it is unrated.</param>
public sealed record SeverityRating(Severity Severity, string Basis);
