using ComplianceReport.Workbook.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>A worksheet part being written: its zip entry stream and the writer on it.</summary>
internal sealed class OpenedSheet : IDisposable
{
    private readonly Stream _stream;
    private readonly XlsxPackage _package;
    private readonly string _partName;
    private readonly string _footer;

    public OpenedSheet(string name, string relationshipId, string partName, XlsxPackage package, Stream stream, WorksheetWriter writer, string footer)
    {
        Name = name;
        RelationshipId = relationshipId;
        _partName = partName;
        _package = package;
        _stream = stream;
        _footer = footer;
        Writer = writer;
    }

    public string Name { get; }

    public string RelationshipId { get; }

    public WorksheetWriter Writer { get; }

    /// <summary>
    /// Ends the sheet; the autofilter, when asked for, spans the header and every row written.
    /// A sheet with an autofilter is a table, so its header row repeats on every printed page.
    /// </summary>
    public WrittenSheet Finish(bool withAutoFilter, IEnumerable<ConditionalFormatting> formats, string? drawingRelationshipId = null)
    {
        var filter = withAutoFilter ? $"A1:{Writer.LastColumn}{Math.Max(Writer.RowCount, 1)}" : null;
        Writer.Finish(
            filter,
            formats,
            drawingRelationshipId,
            url => _package.RelateExternal(_partName, url, ContentTypes.HyperlinkRelationship),
            _footer);
        return new WrittenSheet(Name, RelationshipId, filter, RepeatsHeader: withAutoFilter);
    }

    public void Dispose()
    {
        Writer.Dispose();
        _stream.Dispose();
    }
}
