using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>A worksheet part being written: its zip entry stream and the writer on it.</summary>
internal sealed class OpenedSheet : IDisposable
{
    private readonly Stream _stream;

    public OpenedSheet(string name, string relationshipId, Stream stream, WorksheetWriter writer)
    {
        Name = name;
        RelationshipId = relationshipId;
        _stream = stream;
        Writer = writer;
    }

    public string Name { get; }

    public string RelationshipId { get; }

    public WorksheetWriter Writer { get; }

    /// <summary>Ends the sheet; the autofilter, when asked for, spans the header and every row written.</summary>
    public WrittenSheet Finish(bool withAutoFilter, IEnumerable<ConditionalFormatting> formats, string? drawingRelationshipId = null)
    {
        var filter = withAutoFilter ? $"A1:{Writer.LastColumn}{Math.Max(Writer.RowCount, 1)}" : null;
        Writer.Finish(filter, formats, drawingRelationshipId);
        return new WrittenSheet(Name, RelationshipId, filter);
    }

    public void Dispose()
    {
        Writer.Dispose();
        _stream.Dispose();
    }
}
