namespace ComplianceReport.Grains.Interfaces.Reports;

public static class ReportGrainKeys
{
    public const string Default = "default";
}
