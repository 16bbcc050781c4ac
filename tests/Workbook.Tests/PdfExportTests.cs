using System.Diagnostics;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Workbook.Tests;

/// <summary>
/// The workbook printed as LibreOffice prints it (<c>soffice --headless --convert-to pdf</c>,
/// which follows the sheets' page setup): the first page is the Summary, whole and readable,
/// and the findings take a few landscape pages rather than hundreds of column strips.
/// </summary>
public sealed class PdfExportTests
{
    private const string InstallHint = "apt-get install libreoffice-calc-nogui poppler-utils";

    [Fact]
    public async Task The_first_pdf_page_is_the_whole_summary_with_the_run_in_its_footer()
    {
        var soffice = RequiredTool.Find(InstallHint, "soffice", "libreoffice");
        var pdftotext = RequiredTool.Find(InstallHint, "pdftotext");
        var pdfinfo = RequiredTool.Find(InstallHint, "pdfinfo");
        var dir = Directory.CreateTempSubdirectory("workbook-pdf-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "compliance-report-2026-W48.xlsx");
            await File.WriteAllBytesAsync(xlsx, await SampleReports.WriteAsync(SampleReports.Content(20, 10, withHistory: true)));

            // A private profile, so parallel or earlier LibreOffice instances cannot block this one.
            var profile = new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri;
            var (exit, _, stderr) = await RunAsync(soffice, TimeSpan.FromMinutes(3), $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", dir.FullName, xlsx);
            var pdf = Path.ChangeExtension(xlsx, ".pdf");
            Assert.True(exit == 0 && File.Exists(pdf), $"soffice failed (exit {exit}): {stderr}");

            var (_, firstPage, _) = await RunAsync(pdftotext, TimeSpan.FromMinutes(1), "-layout", "-f", "1", "-l", "1", pdf, "-");
            Assert.Contains("AWS Config compliance report", firstPage, StringComparison.Ordinal);
            Assert.Contains("Run ID", firstPage, StringComparison.Ordinal);
            Assert.Contains("Overall compliance", firstPage, StringComparison.Ordinal);

            // The Summary's last column is on the first page too: one page wide, not cut into strips.
            Assert.Contains("Non-compliant resources", firstPage, StringComparison.Ordinal);
            Assert.Contains("Run 2026-W48", firstPage, StringComparison.Ordinal);
            Assert.Contains("Summary", firstPage, StringComparison.Ordinal);
            Assert.Matches(@"Page 1 of \d+", firstPage);

            var (_, info, _) = await RunAsync(pdfinfo, TimeSpan.FromMinutes(1), pdf);
            var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

            // 200 findings of 13 columns: landscape and one page wide, a handful of pages per sheet.
            Assert.InRange(pages, 6, 20);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:F0} s.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
