namespace ComplianceReport.Compliance.Model;

/// <summary>One owner's non-compliant findings by severity (after exceptions) and change since the run compared with.</summary>
/// <param name="Change">Findings new minus resolved since the run compared with.</param>
public sealed record OwnerStanding(string Owner, SeverityCounts BySeverity, int Change);
