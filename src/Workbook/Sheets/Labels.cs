using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>How enum values read in the workbook: AWS's own wire names where AWS has them.</summary>
internal static class Labels
{
    public const string NonCompliant = "NON_COMPLIANT";
    public const string New = "New";
    public const string Resolved = "Resolved";

    /// <summary>Every severity, worst first, with the differential format that colours it.</summary>
    public static readonly IReadOnlyList<(Severity Severity, uint Dxf)> Severities =
    [
        (Severity.Critical, Styling.WorkbookStyles.CriticalDxf),
        (Severity.High, Styling.WorkbookStyles.HighDxf),
        (Severity.Medium, Styling.WorkbookStyles.MediumDxf),
        (Severity.Low, Styling.WorkbookStyles.LowDxf),
        (Severity.Unrated, Styling.WorkbookStyles.UnratedDxf),
    ];

    public static string Of(ComplianceType compliance) => compliance switch
    {
        ComplianceType.Compliant => "COMPLIANT",
        ComplianceType.NonCompliant => NonCompliant,
        ComplianceType.NotApplicable => "NOT_APPLICABLE",
        ComplianceType.InsufficientData => "INSUFFICIENT_DATA",
        _ => compliance.ToString(),
    };

    public static string Of(AccountStatus status) => status switch
    {
        AccountStatus.Active => "ACTIVE",
        AccountStatus.Suspended => "SUSPENDED",
        AccountStatus.PendingClosure => "PENDING_CLOSURE",
        _ => status.ToString(),
    };

    public static string Of(AccountScanStatus status) => status.ToString();

    public static string Of(OwnerSource source) => source switch
    {
        OwnerSource.ResourceTag => "resource tag",
        OwnerSource.AccountTag => "account tag",
        OwnerSource.OuPath => "OU path",
        _ => "none",
    };

    /// <summary>Security Hub's severity labels; worst first is <see cref="Severities"/>' order.</summary>
    public static string Of(Severity severity) => severity switch
    {
        Severity.Critical => "Critical",
        Severity.High => "High",
        Severity.Medium => "Medium",
        Severity.Low => "Low",
        _ => "Unrated",
    };

    public static string Of(ChangeKind kind) => kind == ChangeKind.New ? New : Resolved;

    public static string Of(RunTrigger trigger) => trigger == RunTrigger.Scheduled ? "Scheduled" : "On demand";

    public static string? Of(ScanError? error) => error is null ? null : $"{error.Kind}: {error.Message}";
}
