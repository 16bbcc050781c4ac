namespace ComplianceReport.Grains.Interfaces.Reports;

public enum RunPhase
{
    NotStarted,
    Discovering,
    Scanning,
    Building,
    Delivering,
    Completed,
    Failed,
}
