namespace ComplianceReport.Compliance.Model;

/// <summary>AWS Config's compliance values (the wire names are SCREAMING_SNAKE_CASE).</summary>
public enum ComplianceType
{
    Compliant,
    NonCompliant,
    NotApplicable,
    InsufficientData,
}
