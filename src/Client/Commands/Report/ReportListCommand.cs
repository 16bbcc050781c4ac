using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands.Report;

/// <summary><c>report list</c>: every recorded run, oldest first.</summary>
public sealed class ReportListCommand(IComplianceApi api, CliOutput output) : AsyncCommand<ReportListCommand.Settings>
{
    public sealed class Settings : OutputSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runs = await api.ListRunsAsync(cancellationToken);
        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.Json(runs.Select(RunStatusPrinter.Scaled));
                return ExitCodes.Success;
            case OutputFormat.Csv:
                output.Csv(
                    ["runId", "trigger", "phase", "startedAt", "completedAt", "accounts", "accountsFailed", "nonCompliantResources", "compliancePercent"],
                    runs.Select(r => (IReadOnlyList<string?>)[r.RunId, r.Trigger.ToString(), r.Phase.ToString(), r.StartedAt?.ToString("O"), r.CompletedAt?.ToString("O"), CliOutput.Number(r.Totals.Accounts), CliOutput.Number(r.Totals.AccountsFailed), CliOutput.Number(r.Totals.NonCompliantResources), CliOutput.PercentNumber(r.Totals.CompliancePercent)?.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
                return ExitCodes.Success;
        }

        var table = new FittedTable().Fixed("Run").Fixed("Phase").Fixed("Accounts", rightAligned: true).Fixed("Non-compliant", rightAligned: true).Fixed("Compliance", rightAligned: true)
            .Fixed("Failed", rightAligned: true, optional: true).Fixed("Trigger", optional: true).Fixed("Started", optional: true);
        foreach (var r in runs)
        {
            table.Row(r.RunId, r.Phase.ToString(), CliOutput.Number(r.Totals.Accounts), CliOutput.Number(r.Totals.NonCompliantResources), CliOutput.Percent(r.Totals.CompliancePercent), CliOutput.Number(r.Totals.AccountsFailed), r.Trigger.ToString(), CliOutput.Time(r.StartedAt));
        }

        output.Table(table);
        output.Line($"{CliOutput.Number(runs.Count)} runs");
        return ExitCodes.Success;
    }
}
