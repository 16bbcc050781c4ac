using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook.Sheets;

/// <summary>
/// Stand-ins for the SDK elements written millions of times. <see cref="DocumentFormat.OpenXml.OpenXmlWriter"/>
/// asks each element for its prefix, local name and namespace, and the SDK resolves those through
/// its metadata on every call (over 100 ns for the prefix alone); these subclasses answer from
/// cached values, which more than halves the cost of a cell. They also use the default namespace
/// (declared on the worksheet root), so rows do not repeat the "x:" prefix on every tag.
/// </summary>
internal static class ElementTags
{
    public static readonly string Namespace = new Worksheet().NamespaceUri;

    public static readonly WorksheetTag Worksheet = new();
    public static readonly SheetDataTag SheetData = new();
    public static readonly RowTag Row = new();
    public static readonly CellTag Cell = new();
    public static readonly InlineStringTag InlineString = new();
    public static readonly TextTag Text = new();
    public static readonly CellValueTag CellValue = new();

    internal sealed class WorksheetTag : Worksheet
    {
        private static readonly string Name = new Worksheet().LocalName;

        public override string Prefix => string.Empty;

        public override string LocalName => Name;

        public override string NamespaceUri => Namespace;
    }

    internal sealed class SheetDataTag : SheetData
    {
        private static readonly string Name = new SheetData().LocalName;

        public override string Prefix => string.Empty;

        public override string LocalName => Name;

        public override string NamespaceUri => Namespace;
    }

    internal sealed class RowTag : Row
    {
        private static readonly string Name = new Row().LocalName;

        public override string Prefix => string.Empty;

        public override string LocalName => Name;

        public override string NamespaceUri => Namespace;
    }

    internal sealed class CellTag : Cell
    {
        private static readonly string Name = new Cell().LocalName;

        public override string Prefix => string.Empty;

        public override string LocalName => Name;

        public override string NamespaceUri => Namespace;
    }

    internal sealed class InlineStringTag : InlineString
    {
        private static readonly string Name = new InlineString().LocalName;

        public override string Prefix => string.Empty;

        public override string LocalName => Name;

        public override string NamespaceUri => Namespace;
    }

    internal sealed class TextTag : Text
    {
        private static readonly string Name = new Text().LocalName;

        public override string Prefix => string.Empty;

        public override string LocalName => Name;

        public override string NamespaceUri => Namespace;
    }

    internal sealed class CellValueTag : CellValue
    {
        private static readonly string Name = new CellValue().LocalName;

        public override string Prefix => string.Empty;

        public override string LocalName => Name;

        public override string NamespaceUri => Namespace;
    }
}
