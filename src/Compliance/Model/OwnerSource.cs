namespace ComplianceReport.Compliance.Model;

/// <summary>Which rule of the owner resolution order gave a finding its owner.</summary>
public enum OwnerSource
{
    Unassigned = 0,
    ResourceTag = 1,
    AccountTag = 2,
    OuPath = 3,
}
