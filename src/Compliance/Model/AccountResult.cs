namespace ComplianceReport.Compliance.Model;

/// <summary>
/// What one account contributes to a report, after the evaluate stage applied severities, owners
/// and accepted-risk exceptions to its findings (a result straight from a scan, before that, has
/// only the raw figures: empty maps, <see cref="Owner"/> unassigned).
/// </summary>
/// <param name="Summary">The account's figures after exceptions: a rule whose every non-compliant resource here is excepted counts as compliant.</param>
/// <param name="NonCompliantByRule">Non-compliant resources per rule name, after exceptions.</param>
/// <param name="Changes">New and resolved findings against the run the report compares with.</param>
/// <param name="Reused">Whether a recent scan was reused instead of reading AWS again.</param>
/// <param name="RawNonCompliantResources">Non-compliant resources before exceptions.</param>
/// <param name="Owner">The account's own owner (account tag, OU path or Unassigned), for its untagged resources and the Accounts sheet.</param>
/// <param name="BySeverity">Non-compliant resources by severity, after exceptions.</param>
/// <param name="ByOwner">The same, per owner of the finding.</param>
/// <param name="RuleSeverities">The severity of each rule seen in the account.</param>
/// <param name="AcceptedByEntry">Findings each exceptions entry covered here, by entry id.</param>
/// <param name="ExpiredByEntry">Findings that an expired entry would have covered: they count again.</param>
public sealed record AccountResult(
    AccountSummary Summary,
    IReadOnlyDictionary<string, int> NonCompliantByRule,
    IReadOnlyList<FindingChange> Changes,
    IReadOnlyList<ErrorEntry> Errors,
    bool Reused,
    int RawNonCompliantResources = 0,
    ResolvedOwner? Owner = null,
    SeverityCounts? BySeverity = null,
    IReadOnlyDictionary<string, SeverityCounts>? ByOwner = null,
    IReadOnlyDictionary<string, SeverityRating>? RuleSeverities = null,
    IReadOnlyDictionary<string, int>? AcceptedByEntry = null,
    IReadOnlyDictionary<string, int>? ExpiredByEntry = null);
