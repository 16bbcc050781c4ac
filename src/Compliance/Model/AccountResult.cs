namespace ComplianceReport.Compliance.Model;

/// <summary>What one account contributes to a report: the evaluate stage's input per account.</summary>
/// <param name="NonCompliantByRule">Non-compliant resources per rule name.</param>
/// <param name="Changes">New and resolved findings against the run the report compares with.</param>
/// <param name="Reused">Whether a recent scan was reused instead of reading AWS again.</param>
public sealed record AccountResult(
    AccountSummary Summary,
    IReadOnlyDictionary<string, int> NonCompliantByRule,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors,
    bool Reused);
