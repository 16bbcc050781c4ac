using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook.Styling;

/// <summary>
/// The workbook's one stylesheet. The constants are indexes into its cell formats (s="…") and
/// differential formats (the dxfId of conditional formatting rules), so sheets refer to styles by name.
/// </summary>
internal static class WorkbookStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Title = 2;
    public const uint DateTime = 3;
    public const uint Percent = 4;
    public const uint Count = 5;
    public const uint Label = 6;
    public const uint Section = 7;

    /// <summary>Blue underlined text: a cell carrying a hyperlink relationship (the value itself stays plain text).</summary>
    public const uint Link = 8;

    /// <summary>A change against last week, signed and right-aligned with the counts beside it: +1,204, -51, 0.</summary>
    public const uint SignedCount = 9;

    /// <summary>Red text on a light red fill: non-compliant, new findings, failed scans.</summary>
    public const uint BadDxf = 0;

    /// <summary>Green text on a light green fill: resolved findings.</summary>
    public const uint GoodDxf = 1;

    /// <summary>Bold white on dark red: Critical severity.</summary>
    public const uint CriticalDxf = 2;

    /// <summary>Dark orange on light orange: High severity.</summary>
    public const uint HighDxf = 3;

    /// <summary>Dark amber on light yellow: Medium severity.</summary>
    public const uint MediumDxf = 4;

    /// <summary>Dark blue on light blue: Low severity.</summary>
    public const uint LowDxf = 5;

    /// <summary>Grey on light grey: Unrated.</summary>
    public const uint UnratedDxf = 6;

    private const uint DateTimeFormatId = 164;
    private const uint PercentFormatId = 165;
    private const uint SignedCountFormatId = 166;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = SignedCountFormatId, FormatCode = "+#,##0;-#,##0;0" })
        { Count = 3 },
        new Fonts(
            Font(11, bold: false, color: null),
            Font(11, bold: true, color: null),
            Font(16, bold: true, color: "FF1F3864"),
            Font(12, bold: true, color: "FF1F3864"),
            Font(11, bold: false, color: "FF0563C1", underline: true))
        { Count = 5 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(),
                new RightBorder(),
                new TopBorder(),
                new BottomBorder(new Color { Rgb = "FF8EA9DB" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Xf(numberFormat: 0, font: 0, fill: 0, border: 0),
            Xf(numberFormat: 0, font: 1, fill: 2, border: 1),
            Xf(numberFormat: 0, font: 2, fill: 0, border: 0),
            Xf(numberFormat: DateTimeFormatId, font: 0, fill: 0, border: 0),
            Xf(numberFormat: PercentFormatId, font: 0, fill: 0, border: 0),
            Xf(numberFormat: 3, font: 0, fill: 0, border: 0),
            Xf(numberFormat: 0, font: 1, fill: 0, border: 0),
            Xf(numberFormat: 0, font: 3, fill: 0, border: 0),
            Xf(numberFormat: 0, font: 4, fill: 0, border: 0),
            Xf(numberFormat: SignedCountFormatId, font: 0, fill: 0, border: 0))
        { Count = 10 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
        new DifferentialFormats(
            Dxf("FF9C0006", "FFFFC7CE"),
            Dxf("FF006100", "FFC6EFCE"),
            Dxf("FFFFFFFF", "FFC00000", bold: true),
            Dxf("FF833C0B", "FFF8CBAD"),
            Dxf("FF7F6000", "FFFFEB9C"),
            Dxf("FF1F4E78", "FFDDEBF7"),
            Dxf("FF595959", "FFEDEDED"))
        { Count = 7 });

    private static Font Font(double size, bool bold, string? color, bool underline = false)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (underline)
        {
            font.Append(new Underline());
        }

        font.Append(new FontSize { Val = size });
        font.Append(color is null ? new Color { Theme = 1 } : new Color { Rgb = color });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Xf(uint numberFormat, uint font, uint fill, uint border) => new()
    {
        NumberFormatId = numberFormat,
        FontId = font,
        FillId = fill,
        BorderId = border,
        FormatId = 0,
        ApplyNumberFormat = numberFormat != 0 ? true : null,
        ApplyFont = font != 0 ? true : null,
        ApplyFill = fill != 0 ? true : null,
        ApplyBorder = border != 0 ? true : null,
    };

    // Conditional formats fill with the background colour of a solid pattern (Excel's convention).
    private static DifferentialFormat Dxf(string fontColor, string fillColor, bool bold = false) => new(
        bold ? new Font(new Bold(), new Color { Rgb = fontColor }) : new Font(new Color { Rgb = fontColor }),
        new Fill(new PatternFill(new BackgroundColor { Rgb = fillColor })));
}
