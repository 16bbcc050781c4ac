namespace ComplianceReport.Client.Cli;

public enum CommandKind
{
    Help,
    Accounts,
    Account,
    Rescan,
    ReportRun,
    ReportStatus,
    ReportList,
}
