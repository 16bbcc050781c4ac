using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace ComplianceReport.Workbook.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 1, false)]
    [InlineData(1, 5, true)]
    [InlineData(40, 25, true)]
    public async Task Workbook_has_no_schema_errors(int accounts, int findingsPerAccount, bool withHistory)
    {
        var bytes = await SampleReports.WriteAsync(SampleReports.Content(accounts, findingsPerAccount, withHistory));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.Empty(errors);
        var sheetNames = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Summary", "Accounts", "Owners", "Rules", "Findings", "Changes", "Exceptions", "Errors"], sheetNames);
        Assert.Equal(withHistory, document.WorkbookPart.WorksheetParts.Any(p => p.DrawingsPart?.ChartParts.Any() == true));
    }
}
