namespace ComplianceReport.Workbook.Sheets;

/// <summary>A column's header text and width (in Excel's character units).</summary>
internal sealed record ColumnSpec(string Header, double Width);
