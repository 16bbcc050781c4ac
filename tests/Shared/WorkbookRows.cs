using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Tests.Shared;

/// <summary>Reads a sheet of a written workbook back as text rows (header row included).</summary>
public static class WorkbookRows
{
    public static List<string[]> Read(string path, string sheetName)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, sheetName);
    }

    public static List<string[]> Read(Stream workbookStream, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(workbookStream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var rows = new List<string[]>();
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();

        // Large sheets are split into "Findings", "Findings (2)", ...: read them all, in order.
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>().Where(s => s.Name == sheetName || s.Name!.Value!.StartsWith(sheetName + " (", StringComparison.Ordinal)))
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var first = true;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                if (!first || rows.Count == 0)
                {
                    rows.Add(Cells(row, shared));
                }

                first = false;
            }
        }

        return rows;
    }

    public static IEnumerable<string> SheetNames(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        return document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    /// <summary>Every cell formula in the workbook, for injection checks.</summary>
    public static List<string> Formulas(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        return document.WorkbookPart!.WorksheetParts
            .SelectMany(p => p.Worksheet.Descendants<CellFormula>())
            .Select(f => f.Text)
            .ToList();
    }

    private static string[] Cells(Row row, List<string>? shared)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference!.Value!);
            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(Text(cell, shared));
        }

        return [.. cells];
    }

    private static string Text(Cell cell, List<string>? shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (cell.DataType?.Value == CellValues.SharedString && shared is not null)
        {
            return shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        }

        return cell.CellValue?.Text ?? string.Empty;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
