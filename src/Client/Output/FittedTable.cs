using Spectre.Console;

namespace ComplianceReport.Client.Output;

/// <summary>
/// A table that fits the console's width: ids and numbers never wrap, long text is cut with an
/// ellipsis, and optional columns are left out (the last declared first) when even the cut
/// text would not fit; on a terminal too narrow even for the rest, the rightmost columns go.
/// One row per line, so a list of 200 accounts is 200 lines.
/// </summary>
public sealed class FittedTable
{
    private const int MinTextWidth = 8;
    private readonly List<Column> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>Text that must be shown whole: an id, a number, a state.</summary>
    public FittedTable Fixed(string header, bool rightAligned = false, bool optional = false)
    {
        _columns.Add(new Column(header, Cut: false, rightAligned, optional));
        return this;
    }

    /// <summary>Text that may be cut with an ellipsis: a name, a path, an error.</summary>
    public FittedTable Text(string header, bool optional = false)
    {
        _columns.Add(new Column(header, Cut: true, RightAligned: false, optional));
        return this;
    }

    public FittedTable Row(params string?[] cells)
    {
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"{cells.Length} cells for {_columns.Count} columns.", nameof(cells));
        }

        _rows.Add(cells.Select(c => (c ?? string.Empty).ReplaceLineEndings(" ")).ToArray());
        return this;
    }

    public Table Build(int width)
    {
        var shown = Enumerable.Range(0, _columns.Count).ToList();
        var natural = shown.Select(i => Math.Max(_columns[i].Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        int Overhead(int count) => (3 * count) + 1;
        int Minimum(int i) => _columns[i].Cut ? Math.Min(natural[i], MinTextWidth) : natural[i];
        while (shown.Sum(Minimum) + Overhead(shown.Count) > width && shown.FindLastIndex(i => _columns[i].Optional) is var last and >= 0)
        {
            shown.RemoveAt(last);
        }

        // A very narrow terminal: the rightmost columns go too, rather than letters stacked in cells.
        while (shown.Sum(Minimum) + Overhead(shown.Count) > width && shown.Count > 1)
        {
            shown.RemoveAt(shown.Count - 1);
        }

        var widths = shown.ToDictionary(i => i, i => natural[i]);
        var spare = width - Overhead(shown.Count) - shown.Where(i => !_columns[i].Cut).Sum(i => natural[i]);
        var cut = shown.Where(i => _columns[i].Cut).OrderBy(i => natural[i]).ToList();
        for (var k = 0; k < cut.Count; k++)
        {
            // Narrow columns keep their width; the widest share what is left.
            var share = Math.Max(MinTextWidth, spare / (cut.Count - k));
            widths[cut[k]] = Math.Min(natural[cut[k]], share);
            spare -= widths[cut[k]];
        }

        var table = new Table().Border(TableBorder.Square);
        foreach (var i in shown)
        {
            var column = new TableColumn(new Text(_columns[i].Header)).NoWrap();
            column.Width = Math.Max(1, widths[i]);
            table.AddColumn(_columns[i].RightAligned ? column.RightAligned() : column);
        }

        foreach (var row in _rows)
        {
            table.AddRow(shown.Select(i => new Text(Fit(row[i], widths[i]))).ToArray());
        }

        return table;
    }

    private static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? "…" : string.Concat(text.AsSpan(0, width - 1), "…");

    private sealed record Column(string Header, bool Cut, bool RightAligned, bool Optional);
}
