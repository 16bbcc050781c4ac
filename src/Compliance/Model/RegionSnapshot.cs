namespace ComplianceReport.Compliance.Model;

/// <summary>
/// The fetch stage's output for one account and region: every rule with its compliance, and every
/// NON_COMPLIANT evaluation (compliant resources are not fetched).
/// </summary>
public sealed record RegionSnapshot(
    string AccountId,
    string Region,
    RegionScanStatus Status,
    ScanError? Error,
    IReadOnlyList<RuleCompliance> Rules,
    IReadOnlyList<ResourceEvaluation> NonCompliant,
    DateTimeOffset CollectedAt);
