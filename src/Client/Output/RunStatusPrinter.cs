using System.Globalization;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Presentation;
using ComplianceReport.Grains.Interfaces.Reports;
using Spectre.Console;

namespace ComplianceReport.Client.Output;

/// <summary>One run as <c>report run</c>, <c>report status</c> and <c>report deliver</c> show it, and the exit code it means.</summary>
public static class RunStatusPrinter
{
    private const int FailuresShown = 20;

    public static void Print(CliOutput output, RunStatus status, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.Json(Scaled(status));
                return;
            case OutputFormat.Csv:
                output.Csv(["field", "value"], Lines(status).Select(l => (IReadOnlyList<string?>)[l.Label, l.Value]));
                return;
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (label, value) in Lines(status))
        {
            grid.AddRow(new Text(label), new Text(value));
        }

        output.Write(grid);
        if (status.Failures.Count > 0)
        {
            var table = new FittedTable().Fixed("Account").Fixed("Region").Fixed("Error").Text("Why");
            foreach (var failure in status.Failures.Take(FailuresShown))
            {
                table.Row(failure.AccountId, failure.Region ?? "(all)", failure.Error.Kind.ToString(), failure.Error.Message);
            }

            output.Table(table);
            if (status.Failures.Count > FailuresShown)
            {
                output.Line(string.Create(CultureInfo.InvariantCulture, $"… and {status.Failures.Count - FailuresShown} more: see the workbook's Errors sheet or -o json."));
            }
        }
    }

    /// <summary>0 for a run that completed and delivered everywhere; 1 otherwise, with one line on standard error saying why.</summary>
    public static int ExitCode(CliOutput output, RunStatus status)
    {
        switch (status.Phase)
        {
            case RunPhase.Completed:
                return ExitCodes.Success;
            case RunPhase.CompletedWithErrors:
                var failed = status.Deliveries.Where(d => !d.Succeeded).Select(d => $"{Sink(d.Sink)}: {d.Error}");
                return output.Fail($"Run {status.RunId} completed, but delivery failed ({string.Join("; ", failed)}). Retry with 'report deliver {status.RunId}'.");
            case RunPhase.Failed:
                return output.Fail($"Run {status.RunId} failed: {status.Error}");
            default:
                return ExitCodes.Success;
        }
    }

    /// <summary>The run as JSON shows it: percentages as numbers of percent (87.5), like every CLI output.</summary>
    public static RunStatus Scaled(RunStatus status) => status with
    {
        CompliancePercent = CliOutput.PercentNumber(status.CompliancePercent),
        Totals = status.Totals with
        {
            CompliancePercent = CliOutput.PercentNumber(status.Totals.CompliancePercent),
            PreviousCompliancePercent = CliOutput.PercentNumber(status.Totals.PreviousCompliancePercent),
        },
    };

    public static string Sink(string sink) => sink switch
    {
        "s3" => "S3",
        "jira" => "Jira",
        "file" => "File",
        _ => sink,
    };

    private static List<(string Label, string Value)> Lines(RunStatus status)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<(string, string)>
        {
            ("Run", status.RunId),
            ("Trigger", status.Trigger.ToString()),
            ("Phase", status.IsFinished ? status.Phase.ToString() : string.Create(inv, $"{status.Phase} ({status.AccountsDone}/{status.AccountsTotal} accounts done)")),
            ("Started", CliOutput.Time(status.StartedAt)),
            ("Completed", CliOutput.Time(status.CompletedAt)),
        };
        lines.AddRange(ReportTotalsLines.Of(status.Totals));
        var calls = status.AwsCalls;
        lines.Add(ReportTotalsLines.AwsCalls(calls.Calls, calls.Retries, calls.Throttles, calls.Timeouts, status.Totals.ScansReused));
        foreach (var pacing in status.Pacing)
        {
            var limit = pacing.ThrottledAtRequestsPerSecond > 0 ? string.Create(inv, $" (AWS's limit found at {pacing.ThrottledAtRequestsPerSecond:0.##}/s)") : string.Empty;
            lines.Add(("Pacing", string.Create(inv, $"{pacing.Operation}: up to {pacing.PeakRequestsPerSecond:0.#}/s per account-region, {pacing.Calls} calls, {pacing.ThrottledShare:P1} throttled{limit}")));
        }

        lines.Add(("Workbook", status.WorkbookPath ?? string.Empty));
        foreach (var delivery in status.Deliveries)
        {
            lines.Add((Sink(delivery.Sink), delivery.Succeeded ? delivery.Location ?? delivery.Link ?? "delivered" : $"FAILED: {delivery.Error}"));
        }

        if (status.Resumes > 0)
        {
            lines.Add(("Resumed", string.Create(inv, $"{status.Resumes} {(status.Resumes == 1 ? "time" : "times")} after its silo stopped")));
        }

        lines.Add(("Trace id", status.TraceId ?? string.Empty));
        if (XRayTrace.Describe(status.TraceId) is { } xray)
        {
            lines.Add(("X-Ray", xray));
        }
        if (status.Error is not null)
        {
            lines.Add(("Error", status.Error));
        }

        return lines;
    }
}
