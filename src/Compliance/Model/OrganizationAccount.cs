namespace ComplianceReport.Compliance.Model;

/// <summary>One member account found by organization discovery.</summary>
/// <param name="OuPath">Names from the root down, joined by '/', for example <c>Root/Prod/Payments</c>.</param>
public sealed record OrganizationAccount(
    string AccountId,
    string Name,
    string Email,
    AccountStatus Status,
    string OuPath);
