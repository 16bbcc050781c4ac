namespace ComplianceReport.Workbook.Packaging;

/// <summary>Content and relationship types of the parts a workbook with a chart needs (ECMA-376).</summary>
internal static class ContentTypes
{
    public const string Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string Worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    public const string Styles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    public const string Drawing = "application/vnd.openxmlformats-officedocument.drawing+xml";
    public const string Chart = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

    public const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    public const string WorksheetRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    public const string StylesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    public const string DrawingRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
    public const string HyperlinkRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    public const string ChartRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
}
