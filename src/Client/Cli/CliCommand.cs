namespace ComplianceReport.Client.Cli;

/// <summary>A parsed command line.</summary>
/// <param name="Arguments">Account ids for account/rescan, the run id for report status.</param>
public sealed record CliCommand(CommandKind Kind, IReadOnlyList<string> Arguments, bool Json, bool Wait);
