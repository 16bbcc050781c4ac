namespace ComplianceReport.Compliance.Model;

/// <summary>An account's place among the worst: its figures, owner, findings by severity and change.</summary>
/// <param name="Change">Findings new minus resolved since the run compared with.</param>
public sealed record AccountStanding(AccountSummary Summary, ResolvedOwner Owner, SeverityCounts BySeverity, int Change);
