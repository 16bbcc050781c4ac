using System.Diagnostics;

namespace ComplianceReport.Client.Cli;

public static class CliTelemetry
{
    /// <summary>The CLI's spans; a rescan or run started here shares its trace with the silo's work.</summary>
    public static readonly ActivitySource ActivitySource = new("ComplianceReport.Client");
}
