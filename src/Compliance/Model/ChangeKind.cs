namespace ComplianceReport.Compliance.Model;

public enum ChangeKind
{
    New,
    Resolved,
}
