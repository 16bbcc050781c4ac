namespace ComplianceReport.Client.Cli;

/// <summary>A failure the CLI reports as one line and exit code 1.</summary>
public sealed class CliFailureException(string message) : Exception(message);
