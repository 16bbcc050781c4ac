using System.Globalization;
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
        console.WriteLine();
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(grid, "Run", status.RunId);
        Row(grid, "Trigger", status.Trigger.ToString());
        Row(grid, "Phase", status.Phase.ToString());
        foreach (var (label, value) in ReportTotalsLines.Of(status.Totals))
        {
            Row(grid, label, value);
        }

        Row(grid, "AWS calls", string.Create(inv, $"{status.AwsCalls.Calls} ({status.AwsCalls.Retries} retries, {status.AwsCalls.Throttles} throttled, {status.AwsCalls.Timeouts} timed out)"));
        Row(grid, "Workbook", Moved(status.WorkbookPath, moved) ?? string.Empty);
        foreach (var delivery in status.Deliveries)
        {
            Row(grid, delivery.Sink, delivery.Succeeded ? Moved(delivery.Location, moved) ?? string.Empty : $"FAILED: {delivery.Error}");
        }

        if (status.Error is not null)
        {
            Row(grid, "Error", status.Error);
        }

        Row(grid, "Elapsed", string.Create(inv, $"{elapsed.TotalSeconds:F1} s"));
        console.Write(grid);

        if (status.Failures.Count > 0)
        {
            console.WriteLine();
            console.WriteLine(string.Create(inv, $"Not scanned ({status.Failures.Count}):"));
            var listed = status.Failures.Take(MaxListed).Select(f => (f.AccountId, Region: f.Region ?? "all regions", Kind: f.Error.Kind.ToString(), f.Error.Message)).ToList();

            // One line per account, in aligned columns: ids and regions never wrap, the reason is cut to
            // what is left of the line (all of it is on the Errors sheet and in report status).
            var idWidth = listed.Max(f => f.AccountId.Length);
            var regionWidth = listed.Max(f => f.Region.Length);
            var kindWidth = listed.Max(f => f.Kind.Length);
            foreach (var failure in listed)
            {
                var prefix = $"  {failure.AccountId.PadRight(idWidth)}  {failure.Region.PadRight(regionWidth)}  {failure.Kind.PadRight(kindWidth)}  ";
                console.WriteLine(prefix + Fit(failure.Message, console.Profile.Width - prefix.Length));
            }

            More(console, status.Failures.Count);
        }

        if (warnings.Count > 0)
        {
            console.WriteLine();
            console.WriteLine(string.Create(inv, $"Warnings logged during the run ({warnings.Sum(w => w.Count)}):"));
            foreach (var warning in warnings.Take(MaxListed))
            {
                var prefix = string.Create(inv, $"  {warning.Count,4} x ");
                console.WriteLine(prefix + Fit(warning.FirstMessage, console.Profile.Width - prefix.Length));
            }

            More(console, warnings.Count);
        }
    }

    private static void More(IAnsiConsole console, int count)
    {
        if (count > MaxListed)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {count - MaxListed} more (report status, or the workbook's Errors sheet)"));
        }
    }

    /// <summary>The text on one line of <paramref name="width"/> columns, cut with an ellipsis when longer.</summary>
    private static string Fit(string text, int width)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= width ? line : width <= 1 ? "…" : line[..(width - 1)] + "…";
    }

    private static void Row(Grid grid, string label, string value) => grid.AddRow(Markup.Escape(label), Markup.Escape(value));

    private static string? Moved(string? path, IReadOnlyDictionary<string, string> moved) =>
        path is not null && moved.TryGetValue(path, out var now) ? now : path;
}
