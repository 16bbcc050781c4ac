namespace ComplianceReport.Client.Output;

public enum OutputFormat
{
    Table,
    Json,
    Csv,
}
