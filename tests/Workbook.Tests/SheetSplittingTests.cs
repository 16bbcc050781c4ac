using ComplianceReport.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace ComplianceReport.Workbook.Tests;

public sealed class SheetSplittingTests
{
    [Fact]
    public async Task Findings_continue_on_numbered_sheets_each_with_a_header()
    {
        // 5 accounts x 5 = 25 findings; 10 rows per sheet = header + 9 findings.
        var content = SampleReports.Content(5, 5);
        var expected = SampleReports.Findings(5, 5).ToList();

        var bytes = await SampleReports.WriteAsync(content, maxRowsPerSheet: 10);
        var book = await OpenPyxl.ReadAsync(bytes);

        Assert.Equal(
            ["Summary", "Accounts", "Owners", "Rules", "Findings", "Findings (2)", "Findings (3)", "Changes", "Exceptions", "Errors"],
            book.GetProperty("sheets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var resourceIds = new List<string>();
        foreach (var (name, rows) in new[] { ("Findings", 10), ("Findings (2)", 10), ("Findings (3)", 8) })
        {
            var sheet = OpenPyxl.Sheet(book, name);
            Assert.Equal(rows, sheet.GetProperty("maxRow").GetInt32());
            Assert.Equal("Account ID", OpenPyxl.Cell(sheet, 1, 1).GetProperty("v").GetString());
            Assert.Equal("A2", sheet.GetProperty("freeze").GetString());
            Assert.Equal($"A1:N{rows}", sheet.GetProperty("autofilter").GetString());
            Assert.Equal($"J2:J{rows}", sheet.GetProperty("conditionalFormats")[0].GetProperty("range").GetString());
            resourceIds.AddRange(Enumerable.Range(2, rows - 1).Select(r => OpenPyxl.Cell(sheet, r, 6).GetProperty("v").GetString()!));
        }

        Assert.Equal(expected.Select(f => f.ResourceId), resourceIds);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task A_full_last_sheet_does_not_leave_an_empty_one_behind()
    {
        // 2 accounts x 9 = 18 findings fill exactly two sheets of header + 9.
        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(SampleReports.Content(2, 9), maxRowsPerSheet: 10));

        var names = book.GetProperty("sheets").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Summary", "Accounts", "Owners", "Rules", "Findings", "Findings (2)", "Changes", "Exceptions", "Errors"], names);
        Assert.Equal(10, OpenPyxl.Sheet(book, "Findings (2)").GetProperty("maxRow").GetInt32());
    }

    [Fact]
    public void Row_limit_must_leave_room_for_a_header_and_stay_within_excel()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComplianceWorkbookWriter(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComplianceWorkbookWriter(ComplianceWorkbookWriter.ExcelMaxRows + 1));
    }
}
