using System.ComponentModel;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands.Report;

/// <summary><c>report status [RUN]</c>: a run's progress, figures and outputs; exit 1 for a failed or undelivered run.</summary>
public sealed class ReportStatusCommand(IComplianceApi api, CliOutput output) : AsyncCommand<ReportStatusCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandArgument(0, "[RUN]")]
        [Description("A run id from 'report list' (default: the latest run).")]
        public string? RunId { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var status = await api.FindRunAsync(settings.RunId, cancellationToken);
        if (status is null)
        {
            return output.Fail(settings.RunId is null ? "No report has run yet: start one with 'report run --wait'." : $"No run '{settings.RunId}' is recorded: see 'report list'.");
        }

        RunStatusPrinter.Print(output, status, settings.Format);
        return RunStatusPrinter.ExitCode(output, status);
    }
}
