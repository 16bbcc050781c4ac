using System.ComponentModel;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Output;

/// <summary>The options of the commands that act on one recorded run (default: the latest).</summary>
public class RunSettings : OutputSettings
{
    public const string NoRunYet = "No report has run yet: start one with 'report run --wait'.";

    [CommandArgument(0, "[RUN]")]
    [Description("A run id from 'report list' (default: the latest run).")]
    public string? RunId { get; set; }

    /// <summary>What to say when the cluster has no such run.</summary>
    public string NotFound => RunId is null ? NoRunYet : $"No run '{RunId}' is recorded: see 'report list'.";
}
