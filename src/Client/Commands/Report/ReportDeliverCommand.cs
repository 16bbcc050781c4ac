using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using ComplianceReport.Grains.Interfaces.Reports;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands.Report;

/// <summary><c>report deliver [RUN]</c>: retries a run's failed deliveries; what was delivered is not delivered again.</summary>
public sealed class ReportDeliverCommand(IComplianceApi api, CliOutput output) : AsyncCommand<ReportDeliverCommand.Settings>
{
    public sealed class Settings : RunSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var before = await api.FindRunAsync(settings.RunId, cancellationToken);
        if (before is null)
        {
            return output.Fail(settings.NotFound);
        }

        if (!before.IsFinished)
        {
            return output.Fail($"Run {before.RunId} is still {before.Phase}: it delivers when it ends.");
        }

        if (before.Phase == RunPhase.Failed)
        {
            return output.Fail($"Run {before.RunId} failed before it had a report to deliver ({before.Error}): start another with 'report run'.");
        }

        if (before.Phase == RunPhase.Completed)
        {
            output.Warn($"Run {before.RunId} was already delivered everywhere: nothing to retry.");
        }

        var status = await api.DeliverAsync(before.RunId, cancellationToken) ?? before;
        RunStatusPrinter.Print(output, status, settings.Format);
        return RunStatusPrinter.ExitCode(output, status);
    }
}
