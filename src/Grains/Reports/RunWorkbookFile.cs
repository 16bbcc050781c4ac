using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Grains.Reports;

/// <summary>Writes a run's workbook to this silo's <c>Report:OutputDirectory</c>.</summary>
internal sealed class RunWorkbookFile(IWorkbookWriter writer, string outputDirectory)
{
    /// <summary>Writes the workbook and returns its path; it appears under its name only once complete.</summary>
    public async Task<string> WriteAsync(ReportContent content, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"compliance-report-{content.Run.RunId}.xlsx");
        var partial = path + ".partial";

        // The writer is CPU-bound for large organizations: keep it off the grain's scheduler.
        await Task.Run(
            async () =>
            {
                await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await writer.WriteAsync(content, file, cancellationToken);
            },
            cancellationToken);

        // A crash mid-write never leaves a half workbook under the final name.
        File.Move(partial, path, overwrite: true);
        return path;
    }
}
