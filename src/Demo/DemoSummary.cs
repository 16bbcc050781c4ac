using System.Globalization;
using System.Text;
using ComplianceReport.Compliance.Presentation;
using ComplianceReport.Grains.Interfaces.Reports;
using Spectre.Console;

namespace ComplianceReport.Demo;

/// <summary>
/// The finished run, with the same figures and labels as <c>report status</c> (both print the run's
/// evaluated totals through <see cref="ReportTotalsLines"/>; nothing is recomputed here), then what
/// was not scanned and the warnings.
/// </summary>
public static class DemoSummary
{
    private const int MaxListed = 20;

    public static void Print(IAnsiConsole console, RunStatus status, TimeSpan elapsed, IReadOnlyDictionary<string, string> moved, IReadOnlyList<CollectedWarning> warnings)
    {
        var inv = CultureInfo.InvariantCulture;
        Line(console, string.Empty);
        var rows = new List<(string Label, string Value)>
        {
            ("Run", status.RunId),
            ("Trigger", status.Trigger.ToString()),
            ("Phase", status.Phase.ToString()),
        };
        rows.AddRange(ReportTotalsLines.Of(status.Totals));
        var calls = status.AwsCalls;
        rows.Add(ReportTotalsLines.AwsCalls(calls.Calls, calls.Retries, calls.Throttles, calls.Timeouts, status.Totals.ScansReused));
        rows.Add(("Workbook", Moved(status.WorkbookPath, moved) ?? string.Empty));
        foreach (var delivery in status.Deliveries)
        {
            rows.Add((SinkLabel(delivery.Sink), delivery.Succeeded ? Moved(delivery.Location, moved) ?? string.Empty : $"FAILED: {delivery.Error}"));
        }

        if (status.Error is not null)
        {
            rows.Add(("Error", status.Error));
        }

        rows.Add(("Elapsed", string.Create(inv, $"{elapsed.TotalSeconds:F1} s")));
        var labelWidth = rows.Max(r => r.Label.Length) + 2;
        foreach (var (label, value) in rows)
        {
            var lines = Wrap(value, console.Profile.Width - labelWidth);
            Line(console, label.PadRight(labelWidth) + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                Line(console, new string(' ', labelWidth) + line);
            }
        }

        if (status.Failures.Count > 0)
        {
            Line(console, string.Empty);
            Line(console, string.Create(inv, $"Not scanned ({status.Failures.Count}):"));
            var listed = status.Failures.Take(MaxListed).Select(f => (f.AccountId, Region: f.Region ?? "all regions", Kind: f.Error.Kind.ToString(), f.Error.Message)).ToList();

            // One line per account, in aligned columns: ids and regions never wrap, the reason is cut to
            // what is left of the line (all of it is on the Errors sheet and in report status).
            var idWidth = listed.Max(f => f.AccountId.Length);
            var regionWidth = listed.Max(f => f.Region.Length);
            var kindWidth = listed.Max(f => f.Kind.Length);
            foreach (var failure in listed)
            {
                var prefix = $"  {failure.AccountId.PadRight(idWidth)}  {failure.Region.PadRight(regionWidth)}  {failure.Kind.PadRight(kindWidth)}  ";
                Line(console, prefix + Fit(failure.Message, console.Profile.Width - prefix.Length));
            }

            More(console, status.Failures.Count);
        }

        if (warnings.Count > 0)
        {
            Line(console, string.Empty);
            Line(console, string.Create(inv, $"Warnings logged during the run ({warnings.Sum(w => w.Count)}):"));
            foreach (var warning in warnings.Take(MaxListed))
            {
                var prefix = string.Create(inv, $"  {warning.Count,4} x ");
                Line(console, prefix + Fit(warning.FirstMessage, console.Profile.Width - prefix.Length));
            }

            More(console, warnings.Count);
        }
    }

    private static void More(IAnsiConsole console, int count)
    {
        if (count > MaxListed)
        {
            Line(console, string.Create(CultureInfo.InvariantCulture, $"  … and {count - MaxListed} more (report status, or the workbook's Errors sheet)"));
        }
    }

    /// <summary>The text on one line of <paramref name="width"/> columns, cut with an ellipsis when longer.</summary>
    private static string Fit(string text, int width)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= width ? line : width <= 1 ? "…" : line[..(width - 1)] + "…";
    }

    /// <summary>
    /// Plain text, laid out here: Spectre's own wrapping would split a path or an ARN mid-token at
    /// the edge; a line longer than the console (only a single long word) is left to the terminal.
    /// </summary>
    private static void Line(IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine(text);

    /// <summary>
    /// Word-wrapped to <paramref name="width"/>; a word longer than that (a path, an ARN) stays whole
    /// on its own line, so it can be copied, rather than being split mid-token.
    /// </summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>The sink's name as a label: <c>jira</c> reads Jira, <c>s3</c> S3.</summary>
    private static string SinkLabel(string sink) =>
        sink.Length == 0 ? sink : char.ToUpperInvariant(sink[0]) + sink[1..];

    private static string? Moved(string? path, IReadOnlyDictionary<string, string> moved) =>
        path is not null && moved.TryGetValue(path, out var now) ? now : path;
}
