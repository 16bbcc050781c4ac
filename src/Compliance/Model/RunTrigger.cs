namespace ComplianceReport.Compliance.Model;

public enum RunTrigger
{
    Scheduled,
    OnDemand,
}
