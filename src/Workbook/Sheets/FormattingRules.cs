using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>
/// Real conditional formatting rules (evaluated by Excel, not static fills), so sorting and
/// filtering keep the highlighting right.
/// </summary>
internal static class FormattingRules
{
    /// <summary>Red (0%) through yellow (50%) to green (100%) for a 0..1 percentage.</summary>
    public static ConditionalFormatting PercentColorScale(string range, int priority) => new(
        new ConditionalFormattingRule(
            new ColorScale(
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "0" },
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "0.5" },
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "1" },
                new Color { Rgb = "FFF8696B" },
                new Color { Rgb = "FFFFEB84" },
                new Color { Rgb = "FF63BE7B" }))
        { Type = ConditionalFormatValues.ColorScale, Priority = priority })
    { SequenceOfReferences = References(range) };

    /// <summary>Cells whose text equals <paramref name="text"/> get the differential format.</summary>
    public static ConditionalFormatting TextEquals(string range, string text, uint differentialFormat, int priority) => new(
        new ConditionalFormattingRule(new Formula("\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))
        {
            Type = ConditionalFormatValues.CellIs,
            Operator = ConditionalFormattingOperatorValues.Equal,
            FormatId = differentialFormat,
            Priority = priority,
        })
    { SequenceOfReferences = References(range) };

    /// <summary>One rule per severity label on <paramref name="range"/>, each with its colour; returns them with priorities from <paramref name="firstPriority"/>.</summary>
    public static IEnumerable<ConditionalFormatting> Severities(string range, int firstPriority) =>
        Labels.Severities.Select((entry, i) => TextEquals(range, Labels.Of(entry.Severity), entry.Dxf, firstPriority + i));

    /// <summary>Bars proportional to each count between the range's minimum and maximum.</summary>
    public static ConditionalFormatting DataBar(string range, int priority) => new(
        new ConditionalFormattingRule(
            new DocumentFormat.OpenXml.Spreadsheet.DataBar(
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Min },
                new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Max },
                new Color { Rgb = "FF638EC6" }))
        { Type = ConditionalFormatValues.DataBar, Priority = priority })
    { SequenceOfReferences = References(range) };

    private static ListValue<StringValue> References(string range) => new() { InnerText = range };
}
