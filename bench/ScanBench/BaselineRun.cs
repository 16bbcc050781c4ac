using System.Diagnostics;
using System.Text.Json;
using ComplianceReport.AwsSimulator;

namespace ComplianceReport.ScanBench;

/// <summary>The seed's Option 2 (bench/baseline/seed_option2.py) under Debian's python3-boto3, against the same simulator.</summary>
public static class BaselineRun
{
    private const string Python = "/usr/bin/python3";

    public static async Task<BaselineResult> RunAsync(BenchArguments arguments, SimulatorProcess simulator, string findingsPath)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: apt-get install python3-boto3");
        }

        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "seed_option2.py"));
        info.ArgumentList.Add(simulator.Endpoint.ToString().TrimEnd('/'));
        info.ArgumentList.Add(SimulatorOptions.DefaultHubKeyId);
        info.ArgumentList.Add(SimulatorOptions.DefaultHubSecret);
        info.ArgumentList.Add(simulator.ManagementAccountId);
        info.ArgumentList.Add(string.Join(',', arguments.RegionNames()));
        info.ArgumentList.Add(findingsPath);

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start python3");
        var pid = process.Id;
        double peak = 0;

        // VmHWM disappears with the process: sample it while the script runs.
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                try
                {
                    peak = Math.Max(peak, ProcessMemory.PeakMiB(pid));
                    await Task.Delay(500, sampling.Token);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or UnauthorizedAccessException)
                {
                    return;
                }
            }
        });
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = stopwatch.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the baseline exited with code {process.ExitCode}");
        }

        using var summary = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = summary.RootElement;
        return new BaselineResult(
            wall,
            root.GetProperty("accounts").GetInt32(),
            root.GetProperty("failed").GetInt32(),
            root.GetProperty("failedByCode").GetRawText(),
            root.GetProperty("findings").GetInt32(),
            peak);
    }
}
