using System.Globalization;
using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceReport.Workbook.Charts;

/// <summary>
/// The Summary sheet's line chart of overall compliance per recorded run. The series refers to the
/// history table on the Summary sheet and carries a cache of its values, so readers that do not
/// recalculate still draw it.
/// </summary>
internal static class ComplianceTrendChart
{
    private const uint CategoryAxisId = 48_650_112;
    private const uint ValueAxisId = 48_672_768;

    /// <param name="sheetName">The sheet holding the history table.</param>
    /// <param name="firstRow">1-based row of the first history point.</param>
    /// <param name="labels">Run labels, one per point (column A).</param>
    /// <param name="values">Compliance 0..1, one per point (column C).</param>
    public static C.ChartSpace Create(string sheetName, int firstRow, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        var lastRow = firstRow + labels.Count - 1;
        var sheet = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        var categories = string.Create(CultureInfo.InvariantCulture, $"{sheet}!$A${firstRow}:$A${lastRow}");
        var numbers = string.Create(CultureInfo.InvariantCulture, $"{sheet}!$C${firstRow}:$C${lastRow}");
        var seriesName = string.Create(CultureInfo.InvariantCulture, $"{sheet}!$C${firstRow - 1}");

        var stringCache = new C.StringCache(new C.PointCount { Val = (uint)labels.Count });
        var numberCache = new C.NumberingCache(new C.FormatCode("0.0%"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < labels.Count; i++)
        {
            stringCache.Append(new C.StringPoint(new C.NumericValue(labels[i])) { Index = (uint)i });
            numberCache.Append(new C.NumericPoint(new C.NumericValue(values[i].ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        var series = new C.LineChartSeries(
            new C.Index { Val = 0 },
            new C.Order { Val = 0 },
            new C.SeriesText(new C.StringReference(
                new C.Formula(seriesName),
                new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue("Compliance %")) { Index = 0 }))),
            new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "2E75B6" })) { Width = 28_575 }),
            new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 6 }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula(categories), stringCache)),
            new C.Values(new C.NumberReference(new C.Formula(numbers), numberCache)),
            new C.Smooth { Val = false });

        var plotArea = new C.PlotArea(
            new C.Layout(),
            new C.LineChart(
                new C.Grouping { Val = C.GroupingValues.Standard },
                new C.VaryColors { Val = false },
                series,
                new C.ShowMarker { Val = true },
                new C.AxisId { Val = CategoryAxisId },
                new C.AxisId { Val = ValueAxisId }),
            new C.CategoryAxis(
                new C.AxisId { Val = CategoryAxisId },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = ValueAxisId },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(
                new C.AxisId { Val = ValueAxisId },
                new C.Scaling(
                    new C.Orientation { Val = C.OrientationValues.MinMax },
                    new C.MaxAxisValue { Val = 1 },
                    new C.MinAxisValue { Val = 0 }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left },
                new C.MajorGridlines(),
                new C.NumberingFormat { FormatCode = "0%", SourceLinked = false },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = CategoryAxisId },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));

        var title = new C.Title(
            new C.ChartText(new C.RichText(
                new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-US", FontSize = 1400, Bold = true }, new A.Text("Overall compliance"))))),
            new C.Overlay { Val = false });

        var chartSpace = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                title,
                new C.AutoTitleDeleted { Val = false },
                plotArea,
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        chartSpace.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        chartSpace.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        chartSpace.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return chartSpace;
    }

    /// <summary>The drawing that places the chart over a cell range of the sheet (0-based columns and rows).</summary>
    public static Xdr.WorksheetDrawing Anchor(string chartRelationshipId, int fromColumn, int fromRow, int toColumn, int toRow)
    {
        var drawing = new Xdr.WorksheetDrawing(
            new Xdr.TwoCellAnchor(
                new Xdr.FromMarker(
                    new Xdr.ColumnId(fromColumn.ToString(CultureInfo.InvariantCulture)),
                    new Xdr.ColumnOffset("0"),
                    new Xdr.RowId(fromRow.ToString(CultureInfo.InvariantCulture)),
                    new Xdr.RowOffset("0")),
                new Xdr.ToMarker(
                    new Xdr.ColumnId(toColumn.ToString(CultureInfo.InvariantCulture)),
                    new Xdr.ColumnOffset("0"),
                    new Xdr.RowId(toRow.ToString(CultureInfo.InvariantCulture)),
                    new Xdr.RowOffset("0")),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = 2, Name = "Compliance trend" },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartRelationshipId })
                    {
                        Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                    }))
                { Macro = string.Empty },
                new Xdr.ClientData()));
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        return drawing;
    }
}
