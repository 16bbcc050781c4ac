using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Workbook.Packaging;

namespace ComplianceReport.Workbook;

/// <summary>
/// Writes the weekly compliance workbook (Summary, Accounts, Rules, Findings, Changes, Errors) as
/// a streamed .xlsx: memory stays flat however many findings there are, and findings past Excel's
/// row limit continue on "Findings (2)", "Findings (3)", ….
/// </summary>
public sealed class ComplianceWorkbookWriter : IWorkbookWriter
{
    /// <summary>Excel's rows per worksheet, the header row included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    private readonly int _maxRowsPerSheet;

    public ComplianceWorkbookWriter()
        : this(ExcelMaxRows)
    {
    }

    /// <param name="maxRowsPerSheet">Rows per findings sheet including its header; lowered only by tests.</param>
    internal ComplianceWorkbookWriter(int maxRowsPerSheet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerSheet, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRowsPerSheet, ExcelMaxRows);
        _maxRowsPerSheet = maxRowsPerSheet;
    }

    /// <summary>
    /// Writes the workbook to <paramref name="destination"/>, which may be non-seekable and is left
    /// open. Findings are enumerated once, on the caller's context (they may come from grain calls);
    /// the zip is written with synchronous writes between them.
    /// </summary>
    public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(destination);

        using var package = new XlsxPackage(destination);
        await new WorkbookBuilder(content, package, _maxRowsPerSheet, cancellationToken).BuildAsync();
    }
}
