using System.Globalization;
using ComplianceReport.Workbook.Packaging;
using ComplianceReport.Workbook.Styling;
using ComplianceReport.Workbook.Values;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>
/// Streams one worksheet part with the SDK's SAX-style <see cref="OpenXmlWriter"/>: rows go out as
/// they are written and nothing per row is kept, so memory does not depend on the row count.
/// Text is always an inline string cell (t="inlineStr"): never a formula, whatever its first
/// character, and no shared-string table growing with the data.
/// </summary>
internal sealed class WorksheetWriter : IDisposable
{
    // Rows use the default namespace; the DOM-written elements (views, columns, formatting) keep
    // the SDK's "x" prefix, so both are declared once here.
    private static readonly KeyValuePair<string, string>[] RootNamespaces =
    [
        new("x", ElementTags.Namespace),
        new("r", XlsxPackage.RelationshipNamespace),
    ];

    // Cell references are built for every cell; caching the letters and style ids saves allocations.
    private static readonly string[] ColumnNames = [.. Enumerable.Range(0, 32).Select(ComputeColumnName)];
    private static readonly string[] StyleIds = [.. Enumerable.Range(0, 16).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private static readonly OpenXmlAttribute InlineStringType = new(string.Empty, "t", string.Empty, "inlineStr");

    private readonly OpenXmlWriter _writer;

    // Exact-length arrays, reused: (r, t), (r, s, t), (r), (r, s).
    private readonly OpenXmlAttribute[] _text = new OpenXmlAttribute[2];
    private readonly OpenXmlAttribute[] _styledText = new OpenXmlAttribute[3];
    private readonly OpenXmlAttribute[] _value = new OpenXmlAttribute[1];
    private readonly OpenXmlAttribute[] _styledValue = new OpenXmlAttribute[2];
    private readonly OpenXmlAttribute[] _rowAttributes = new OpenXmlAttribute[1];
    private readonly OpenXmlAttribute[] _preserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private readonly int _columnCount;
    private readonly List<(string Reference, string Url)> _links = [];
    private string _rowNumber = "0";
    private int _column;
    private bool _inRow;
    private bool _finished;

    public WorksheetWriter(Stream partStream, IReadOnlyList<ColumnSpec> columns, bool freezeHeader)
    {
        _columnCount = columns.Count;
        _writer = OpenXmlWriter.Create(partStream);
        _writer.WriteStartDocument(standalone: true);
        _writer.WriteStartElement(ElementTags.Worksheet, [], RootNamespaces);

        // Fit to page applies the page setup's one-page-wide scaling (written by Finish).
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));

        if (freezeHeader)
        {
            _writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
        }

        var cols = new Columns();
        for (var i = 0; i < columns.Count; i++)
        {
            var index = (uint)(i + 1);
            cols.Append(new Column { Min = index, Max = index, Width = columns[i].Width, CustomWidth = true });
        }

        if (columns.Count > 0)
        {
            _writer.WriteElement(cols);
        }

        _writer.WriteStartElement(ElementTags.SheetData);
    }

    /// <summary>
    /// Excel keeps at most 65,530 hyperlinks per worksheet; past that a sheet's cells carry no link.
    /// Findings come worst first, so the links the cap drops are on the least severe rows.
    /// </summary>
    public const int MaxHyperlinks = 65_530;

    /// <summary>Whether <see cref="LinkedText"/> would still add a link: callers skip building URLs once the sheet is full.</summary>
    public bool AcceptsLinks => _links.Count < MaxHyperlinks;

    /// <summary>Rows written so far (the header included).</summary>
    public int RowCount { get; private set; }

    /// <summary>The last column's letter, for ranges that span the table.</summary>
    public string LastColumn => ColumnName(_columnCount - 1);

    public static string ColumnName(int index) => index < ColumnNames.Length ? ColumnNames[index] : ComputeColumnName(index);

    private static string ComputeColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public void WriteHeader(IReadOnlyList<ColumnSpec> columns)
    {
        StartRow();
        foreach (var column in columns)
        {
            Text(column.Header, WorkbookStyles.Header);
        }

        EndRow();
    }

    public void StartRow()
    {
        EndRow();
        RowCount++;
        _rowNumber = RowCount.ToString(CultureInfo.InvariantCulture);
        _column = 0;
        _rowAttributes[0] = new OpenXmlAttribute(string.Empty, "r", string.Empty, _rowNumber);
        _writer.WriteStartElement(ElementTags.Row, _rowAttributes);
        _inRow = true;
    }

    public void EndRow()
    {
        if (_inRow)
        {
            _writer.WriteEndElement();
            _inRow = false;
        }
    }

    /// <summary>A typed string cell; null or empty text leaves the cell empty.</summary>
    public void Text(string? value, uint style = WorkbookStyles.Default)
    {
        var text = CellText.Clean(value);
        if (text.Length == 0)
        {
            _column++;
            return;
        }

        OpenXmlAttribute[] attributes;
        if (style == WorkbookStyles.Default)
        {
            attributes = _text;
            attributes[0] = new OpenXmlAttribute(string.Empty, "r", string.Empty, NextReference());
            attributes[1] = InlineStringType;
        }
        else
        {
            attributes = _styledText;
            attributes[0] = new OpenXmlAttribute(string.Empty, "r", string.Empty, NextReference());
            attributes[1] = new OpenXmlAttribute(string.Empty, "s", string.Empty, StyleText(style));
            attributes[2] = InlineStringType;
        }

        _writer.WriteStartElement(ElementTags.Cell, attributes);
        _writer.WriteStartElement(ElementTags.InlineString, []);

        // Leading or trailing blanks would otherwise be dropped by readers.
        var preserve = char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);
        _writer.WriteStartElement(ElementTags.Text, preserve ? _preserveSpace : []);
        _writer.WriteString(text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>
    /// A text cell that links to <paramref name="url"/> through a hyperlink relationship (never a
    /// HYPERLINK formula, so the value stays inert text); without a URL, or past
    /// <see cref="MaxHyperlinks"/>, a plain text cell.
    /// </summary>
    public void LinkedText(string? value, string? url)
    {
        if (url is null || !AcceptsLinks || CellText.Clean(value).Length == 0)
        {
            Text(value);
            return;
        }

        _links.Add((ColumnName(_column) + _rowNumber, url));
        Text(value, WorkbookStyles.Link);
    }

    public void Number(double? value, uint style = WorkbookStyles.Default)
    {
        if (value is not { } number || double.IsNaN(number) || double.IsInfinity(number))
        {
            _column++;
            return;
        }

        OpenXmlAttribute[] attributes;
        if (style == WorkbookStyles.Default)
        {
            attributes = _value;
            attributes[0] = new OpenXmlAttribute(string.Empty, "r", string.Empty, NextReference());
        }
        else
        {
            attributes = _styledValue;
            attributes[0] = new OpenXmlAttribute(string.Empty, "r", string.Empty, NextReference());
            attributes[1] = new OpenXmlAttribute(string.Empty, "s", string.Empty, StyleText(style));
        }

        _writer.WriteStartElement(ElementTags.Cell, attributes);
        _writer.WriteStartElement(ElementTags.CellValue, []);
        _writer.WriteString(number.ToString("R", CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>A date cell in UTC, shown with the workbook's date-time format.</summary>
    public void Date(DateTimeOffset? value)
    {
        Number(value?.UtcDateTime.ToOADate(), WorkbookStyles.DateTime);
    }

    /// <summary>
    /// Closes the sheet data and writes what Excel expects after it, in schema order: the
    /// hyperlinks (each URL related through <paramref name="relateExternal"/>, which returns the
    /// relationship id), then a print setup of landscape, one page wide, with <paramref name="footer"/>.
    /// </summary>
    public void Finish(
        string? autoFilterRange,
        IEnumerable<ConditionalFormatting> conditionalFormats,
        string? drawingRelationshipId,
        Func<string, string> relateExternal,
        string footer)
    {
        EndRow();
        _writer.WriteEndElement();
        if (autoFilterRange is not null)
        {
            _writer.WriteElement(new AutoFilter { Reference = autoFilterRange });
        }

        foreach (var format in conditionalFormats)
        {
            _writer.WriteElement(format);
        }

        if (_links.Count > 0)
        {
            _writer.WriteStartElement(new Hyperlinks());
            foreach (var (reference, url) in _links)
            {
                _writer.WriteElement(new Hyperlink { Reference = reference, Id = relateExternal(url) });
            }

            _writer.WriteEndElement();
            _links.Clear();
        }

        _writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.75, Header = 0.3, Footer = 0.3 });

        // Height 0: as many pages tall as the rows need, never shrunk to fit one page.
        _writer.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        _writer.WriteElement(new HeaderFooter(new OddFooter(footer)));
        if (drawingRelationshipId is not null)
        {
            _writer.WriteElement(new Drawing { Id = drawingRelationshipId });
        }

        _writer.WriteEndElement();
        _writer.Close();
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _writer.Close();
        }

        _writer.Dispose();
    }

    private static string StyleText(uint style) => style < StyleIds.Length ? StyleIds[style] : style.ToString(CultureInfo.InvariantCulture);

    private string NextReference() => ColumnName(_column++) + _rowNumber;
}
