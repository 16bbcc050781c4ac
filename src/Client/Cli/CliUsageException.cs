namespace ComplianceReport.Client.Cli;

/// <summary>The command line is wrong (exit code 2); the message says how.</summary>
public sealed class CliUsageException(string message) : Exception(message);
