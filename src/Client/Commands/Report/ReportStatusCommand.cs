using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands.Report;

/// <summary><c>report status [RUN]</c>: a run's progress, figures and outputs; exit 1 for a failed or undelivered run.</summary>
public sealed class ReportStatusCommand(IComplianceApi api, CliOutput output) : AsyncCommand<ReportStatusCommand.Settings>
{
    public sealed class Settings : RunSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var status = await api.FindRunAsync(settings.RunId, cancellationToken);
        if (status is null)
        {
            return output.Fail(settings.NotFound);
        }

        RunStatusPrinter.Print(output, status, settings.Format);
        return RunStatusPrinter.ExitCode(output, status);
    }
}
