using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceReport.Workbook.Tests;

/// <summary>The Summary's trend chart floats over cells: it must cover none that hold a value.</summary>
public sealed class ChartPlacementTests
{
    [Theory]
    [InlineData(3, 5)]
    [InlineData(40, 25)]
    public async Task The_trend_chart_covers_no_filled_cell_of_the_summary(int accounts, int findingsPerAccount)
    {
        var bytes = await SampleReports.WriteAsync(SampleReports.Content(accounts, findingsPerAccount, withHistory: true));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var summarySheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Summary");
        var summary = (WorksheetPart)workbook.GetPartById(summarySheet.Id!);
        var anchor = Assert.Single(summary.DrawingsPart!.WorksheetDrawing.Elements<Xdr.TwoCellAnchor>());
        var (fromColumn, fromRow) = (int.Parse(anchor.FromMarker!.ColumnId!.Text), int.Parse(anchor.FromMarker.RowId!.Text));
        var (toColumn, toRow) = (int.Parse(anchor.ToMarker!.ColumnId!.Text), int.Parse(anchor.ToMarker.RowId!.Text));

        var covered = summary.Worksheet.Descendants<Cell>()
            .Where(c => c.CellValue is not null || c.InlineString is not null)
            .Select(c => (Reference: c.CellReference!.Value!, Column: ColumnIndex(c.CellReference.Value!), Row: RowIndex(c.CellReference.Value!)))
            .Where(c => c.Column >= fromColumn && c.Column <= toColumn && c.Row >= fromRow && c.Row <= toRow)
            .Select(c => c.Reference)
            .ToList();

        Assert.True(covered.Count == 0, $"the chart ({fromColumn},{fromRow})-({toColumn},{toRow}) covers {string.Join(", ", covered)}");
    }

    private static int ColumnIndex(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;

    private static int RowIndex(string reference) => int.Parse(reference[reference.TakeWhile(char.IsLetter).Count()..]) - 1;
}
