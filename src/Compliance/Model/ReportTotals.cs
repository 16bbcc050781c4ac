namespace ComplianceReport.Compliance.Model;

public sealed record ReportTotals(
    int Accounts,
    int AccountsScanned,
    int AccountsFailed,
    int AccountsSkipped,
    int AccountsWithFindings,
    int NonCompliantResources,
    int NewFindings,
    int ResolvedFindings,
    double? CompliancePercent,
    double? PreviousCompliancePercent);
