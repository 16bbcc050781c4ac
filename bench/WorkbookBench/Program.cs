using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Workbook;
using ComplianceReport.WorkbookBench;

// Writes N synthetic findings (default 1,000,000, ~200 accounts) with ComplianceWorkbookWriter,
// then the same rows with openpyxl's write-only mode, and prints both with the ratio.
// Usage: dotnet run -c Release --project bench/WorkbookBench [-- <findings> [--skip-openpyxl]]
var count = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
var skipOpenPyxl = args.Contains("--skip-openpyxl");
var outDir = Directory.CreateTempSubdirectory("workbook-bench-");
var ourPath = Path.Combine(outDir.FullName, "dotnet.xlsx");
var theirPath = Path.Combine(outDir.FullName, "openpyxl.xlsx");

var started = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
var accounts = Enumerable.Range(0, SyntheticFindings.Accounts)
    .Select(a => new AccountSummary(
        new OrganizationAccount(SyntheticFindings.AccountId(a), SyntheticFindings.AccountName(a), $"aws+{a}@example.com", AccountStatus.Active, "Root/Workloads"),
        AccountScanStatus.Scanned,
        40,
        20,
        count / SyntheticFindings.Accounts,
        40.0 / 60,
        null))
    .ToList();
// The evaluate stage's per-rule counts, from an untimed pass over the same rows.
var byRule = SyntheticFindings.Generate(count)
    .Where(f => f.Compliance == ComplianceType.NonCompliant)
    .GroupBy(f => f.AccountId)
    .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(f => f.RuleName).ToDictionary(r => r.Key, r => r.Count()));
var results = accounts
    .Select(a => new AccountResult(a, byRule.GetValueOrDefault(a.Account.AccountId) ?? new Dictionary<string, int>(), [], [], Reused: false))
    .ToList();
var history = new ReportBaseline("2026-W47", [new HistoryPoint("2026-W47", started.AddDays(-7), 0.62, count)]);
var run = new RunInfo("2026-W48", "2026-W48", RunTrigger.Scheduled, started, started.AddMinutes(5), null);
var content = new ReportContent(
    run,
    new ReportEvaluator().Evaluate(run.RunId, results, history, started.AddMinutes(5)),
    accounts,
    SyntheticFindings.Generate(count).ToAsyncEnumerable(),
    [],
    []);

Console.WriteLine($"Writing {count:N0} findings across {SyntheticFindings.Accounts} accounts…");
using var self = Process.GetCurrentProcess();
var cpuBefore = self.TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
await using (var file = new FileStream(ourPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
{
    await new ComplianceWorkbookWriter().WriteAsync(content, file, CancellationToken.None);
}

stopwatch.Stop();
self.Refresh();
var ourCpuSeconds = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
var ourSeconds = stopwatch.Elapsed.TotalSeconds;
var ourPeakMb = self.PeakWorkingSet64 / 1024.0 / 1024.0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ComplianceWorkbookWriter: {ourSeconds:F2} s wall, {ourCpuSeconds:F2} s CPU, peak working set {ourPeakMb:F0} MB, file {new FileInfo(ourPath).Length / 1024.0 / 1024.0:F1} MB"));

if (!skipOpenPyxl)
{
    var script = Path.Combine(AppContext.BaseDirectory, "openpyxl_write_only.py");
    var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
    info.ArgumentList.Add(script);
    info.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
    info.ArgumentList.Add(theirPath);
    using var python = Process.Start(info) ?? throw new InvalidOperationException("Could not start /usr/bin/python3 (apt-get install python3-openpyxl).");
    var stdout = await python.StandardOutput.ReadToEndAsync();
    var stderr = await python.StandardError.ReadToEndAsync();
    await python.WaitForExitAsync();
    if (python.ExitCode != 0)
    {
        Console.Error.WriteLine($"openpyxl failed (apt-get install python3-openpyxl):\n{stderr}");
        return 1;
    }

    using var result = JsonDocument.Parse(stdout);
    var theirSeconds = result.RootElement.GetProperty("seconds").GetDouble();
    var theirCpuSeconds = result.RootElement.GetProperty("cpuSeconds").GetDouble();
    var theirPeakMb = result.RootElement.GetProperty("peakMb").GetDouble();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"openpyxl write-only:      {theirSeconds:F2} s wall, {theirCpuSeconds:F2} s CPU, peak RSS {theirPeakMb:F0} MB, file {new FileInfo(theirPath).Length / 1024.0 / 1024.0:F1} MB"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Ratio: {theirSeconds / ourSeconds:F1}x faster than openpyxl by wall time, {theirCpuSeconds / ourCpuSeconds:F1}x by CPU time"));
}

outDir.Delete(recursive: true);
return 0;
