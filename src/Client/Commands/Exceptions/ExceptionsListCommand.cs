using System.Globalization;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using ComplianceReport.Compliance.Model;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands.Exceptions;

/// <summary><c>exceptions list</c>: the entries a run applied, with what each covered and when it expires.</summary>
public sealed class ExceptionsListCommand(IComplianceApi api, CliOutput output) : AsyncCommand<ExceptionsListCommand.Settings>
{
    public sealed class Settings : RunSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = await api.FindRunAsync(settings.RunId, cancellationToken);
        if (run is null)
        {
            return output.Fail(settings.NotFound);
        }

        var summary = await api.GetSummaryAsync(run.RunId, cancellationToken);
        if (summary is null)
        {
            return output.Fail($"Run {run.RunId} has no evaluated report ({run.Phase}): see 'report status {run.RunId}'.");
        }

        var usage = summary.ExceptionList;
        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.Json(usage.Select(u => new { u.Entry.Id, State = State(u), u.Entry.Owner, u.Entry.Expires, u.Covered, u.CountingAgain, u.Entry.Reason, u.Entry.Ticket, u.Entry.ApprovedBy, u.Entry.Approved }));
                return ExitCodes.Success;
            case OutputFormat.Csv:
                output.Csv(
                    ["id", "state", "owner", "expires", "covered", "countingAgain", "reason", "ticket"],
                    usage.Select(u => (IReadOnlyList<string?>)[u.Entry.Id, State(u), u.Entry.Owner, u.Entry.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CliOutput.Number(u.Covered), CliOutput.Number(u.CountingAgain), u.Entry.Reason, u.Entry.Ticket]));
                return ExitCodes.Success;
        }

        if (usage.Count == 0)
        {
            output.Line($"Run {run.RunId} applied no exceptions (Report:ExceptionsFile unset or empty).");
            return ExitCodes.Success;
        }

        var table = new FittedTable().Fixed("Id").Fixed("State").Fixed("Expires").Fixed("Covered", rightAligned: true).Text("Owner").Fixed("Again", rightAligned: true, optional: true).Text("Reason", optional: true).Fixed("Ticket", optional: true);
        foreach (var u in usage)
        {
            table.Row(u.Entry.Id, State(u), u.Entry.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CliOutput.Number(u.Covered), u.Entry.Owner, CliOutput.Number(u.CountingAgain), u.Entry.Reason, u.Entry.Ticket);
        }

        output.Table(table);
        output.Line($"{CliOutput.Number(usage.Count)} entries in run {run.RunId}: {CliOutput.Number(summary.Totals.AcceptedFindings)} findings accepted; 'Again' counts findings of expired entries, which count again.");
        return ExitCodes.Success;
    }

    private static string State(ExceptionUsage usage) =>
        usage.Expired ? "expired" : usage.ExpiresSoon ? "expires soon" : usage.Unused ? "unused" : "active";
}
