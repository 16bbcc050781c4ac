namespace ComplianceReport.Compliance.Model;

/// <summary>The result of scanning one account across the configured regions.</summary>
public sealed record AccountScan(
    OrganizationAccount Account,
    AccountScanStatus Status,
    ScanError? Error,
    IReadOnlyList<RegionSnapshot> Regions,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    string? TraceId);
