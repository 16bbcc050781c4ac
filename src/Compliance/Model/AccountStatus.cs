namespace ComplianceReport.Compliance.Model;

/// <summary>An account's status in AWS Organizations.</summary>
public enum AccountStatus
{
    Active,
    Suspended,
    PendingClosure,
}
