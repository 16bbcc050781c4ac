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

    /// <summary>The workbook was built but at least one delivery (S3, Jira) failed; <c>report deliver</c> retries it.</summary>
    CompletedWithErrors,
}
