using System.Diagnostics;
using System.Text.Json;

namespace ComplianceReport.TestSupport;

/// <summary>
/// Opens a workbook with Debian's python3-openpyxl, a reader that shares no code with the writer,
/// and returns what it saw (dump_workbook.py) as JSON.
/// </summary>
public static class OpenPyxl
{
    private const string InstallHint = "apt-get install python3-openpyxl";

    public static async Task<JsonElement> ReadAsync(byte[] workbook)
    {
        var python = RequiredTool.Find(InstallHint, "/usr/bin/python3");
        var dir = Directory.CreateTempSubdirectory("workbook-tests-");
        try
        {
            var path = Path.Combine(dir.FullName, "report.xlsx");
            await File.WriteAllBytesAsync(path, workbook);
            var script = Path.Combine(AppContext.BaseDirectory, "dump_workbook.py");
            var (exitCode, stdout, stderr) = await RunAsync(python, script, path);
            if (exitCode != 0)
            {
                var hint = stderr.Contains("No module named 'openpyxl'", StringComparison.Ordinal) ? $" Install the reader: {InstallHint}." : string.Empty;
                throw new InvalidOperationException($"openpyxl could not read the workbook (exit {exitCode}).{hint}\n{stderr}");
            }

            return JsonDocument.Parse(stdout).RootElement.Clone();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static JsonElement Sheet(JsonElement book, string name) =>
        book.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    /// <summary>The cell at a 1-based row and column, as openpyxl read it.</summary>
    public static JsonElement Cell(JsonElement sheet, int row, int column) => sheet.GetProperty("rows")[row - 1][column - 1];

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, params string[] arguments)
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
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}
