using System.ComponentModel;
using System.Diagnostics;
using ComplianceReport.Client.Cli;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using ComplianceReport.Grains.Interfaces.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands.Report;

/// <summary>
/// <c>report run</c>: starts an on-demand run, or follows the one in progress. With <c>--wait</c>
/// it polls until the run ends and keeps polling through the loss of the silo it talks to.
/// </summary>
public sealed class ReportRunCommand(IComplianceApi api, CliOutput output) : AsyncCommand<ReportRunCommand.Settings>
{
    /// <summary>How long the cluster may stay unreachable while waiting: a silo's loss is noticed and its run resumed well within it.</summary>
    private static readonly TimeSpan ReconnectWindow = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public sealed class Settings : OutputSettings
    {
        [CommandOption("--wait")]
        [Description("Show progress until the run ends; exit 1 unless it completed and delivered everywhere.")]
        public bool Wait { get; set; }

        [CommandOption("--new")]
        [Description("Start a new run even while one is in progress (otherwise the command follows that run).")]
        public bool New { get; set; }

        [CommandOption("--no-deliver")]
        [Description("Write the workbook only: no S3 upload, no Jira.")]
        public bool NoDeliver { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var activity = CliTelemetry.ActivitySource.StartActivity("cli.report.run");
        var started = await api.StartRunAsync(new OnDemandRunRequest(Activity.Current?.Id, settings.New, !settings.NoDeliver), cancellationToken);
        var status = started.Run;
        if (started.AttachedToExisting)
        {
            output.Warn($"Run {status.RunId} is already in progress: following it (use --new to start another).");
        }

        if (settings.Wait)
        {
            var finished = await WaitAsync(status, settings.Format, cancellationToken);
            if (finished is null)
            {
                return output.Fail($"Lost the cluster for {ReconnectWindow.TotalMinutes:0} minutes while waiting for run {status.RunId}; the run goes on: see 'report status {status.RunId}'.");
            }

            status = finished;
        }

        RunStatusPrinter.Print(output, status, settings.Format);
        return RunStatusPrinter.ExitCode(output, status);
    }

    private async Task<RunStatus?> WaitAsync(RunStatus status, OutputFormat format, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Table && output.Interactive)
        {
            RunStatus? last = status;
            await output.Console.Status().StartAsync(Describe(status), async live =>
            {
                last = await PollAsync(status, s => live.Status(Describe(s)), cancellationToken);
            });
            return last;
        }

        var lastLine = string.Empty;
        return await PollAsync(status, s =>
        {
            var line = Describe(s);
            if (format == OutputFormat.Table && line != lastLine)
            {
                output.Line(line);
                lastLine = line;
            }
        }, cancellationToken);
    }

    /// <summary>Polls until the run ends; null when the cluster stayed unreachable for the whole window.</summary>
    private async Task<RunStatus?> PollAsync(RunStatus status, Action<RunStatus> progress, CancellationToken cancellationToken)
    {
        var unreachableSince = (DateTimeOffset?)null;
        while (!status.IsFinished)
        {
            await Task.Delay(PollInterval, cancellationToken);
            try
            {
                status = await api.GetRunStatusAsync(status.RunId, cancellationToken);
                unreachableSince = null;
                progress(status);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or CliFailureException))
            {
                // The silo behind the gateway went away: the client finds another, and the run resumes there.
                unreachableSince ??= DateTimeOffset.UtcNow;
                if (DateTimeOffset.UtcNow - unreachableSince > ReconnectWindow)
                {
                    return null;
                }
            }
        }

        return status;
    }

    private static string Describe(RunStatus s) => s.Phase switch
    {
        RunPhase.Discovering => $"Run {s.RunId}: reading the organization ({CliOutput.Number(s.AccountsTotal)} accounts so far)",
        RunPhase.Scanning => $"Run {s.RunId}: scanning {CliOutput.Number(s.AccountsDone)}/{CliOutput.Number(s.AccountsTotal)} accounts ({s.AwsCalls.Throttles.ToString(System.Globalization.CultureInfo.InvariantCulture)} throttled calls)",
        _ => $"Run {s.RunId}: {s.Phase}",
    };
}
