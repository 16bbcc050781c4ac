namespace ComplianceReport.Compliance.Model;

/// <summary>One line of the Accounts sheet.</summary>
/// <param name="CompliancePercent">Compliant rules over evaluated rules (0..1); null when nothing was evaluated.</param>
public sealed record AccountSummary(
    OrganizationAccount Account,
    AccountScanStatus Status,
    int CompliantRules,
    int NonCompliantRules,
    int NonCompliantResources,
    double? CompliancePercent,
    ScanError? Error);
