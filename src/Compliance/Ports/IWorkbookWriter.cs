using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Ports;

/// <summary>Writes the compliance workbook (output stage).</summary>
public interface IWorkbookWriter
{
    Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken);
}
