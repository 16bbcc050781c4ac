using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Simulator.Tests;

/// <summary>The simulator as its own process (dotnet ComplianceReport.AwsSimulator.dll ...), as scripts run it.</summary>
internal sealed partial class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SimulatorProcess(Process process) => _process = process;

    public int Port { get; private set; }

    public string ManagementAccountId { get; private set; } = string.Empty;

    /// <summary>From process start to the "listening on" line.</summary>
    public TimeSpan StartTime { get; private set; }

    public Uri Endpoint => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var dotnet = RequiredTool.Find("install the .NET 10 SDK", "dotnet");
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ComplianceReport.AwsSimulator.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    public static async Task<SimulatorProcess> StartAsync(params string[] arguments)
    {
        var started = Stopwatch.StartNew();
        var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("Could not start the simulator.");
        var simulator = new SimulatorProcess(process);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => simulator.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => simulator.OnLine(e.Data, listening: null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            await simulator.DisposeAsync();
            throw new InvalidOperationException($"The simulator did not print its listening line:\n{simulator.Output}");
        }

        simulator.Port = await listening.Task;
        simulator.StartTime = started.Elapsed;
        return simulator;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Resident memory (VmRSS) of the process, in MiB.</summary>
    public double WorkingSetMiB()
    {
        _process.Refresh();
        return _process.WorkingSet64 / (1024.0 * 1024.0);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line, TaskCompletionSource<int>? listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var management = ManagementPattern().Match(line);
        if (management.Success)
        {
            ManagementAccountId = management.Groups[1].Value;
        }

        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            listening?.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex("^listening on http://127\\.0\\.0\\.1:([0-9]+)$")]
    private static partial Regex ListeningPattern();

    [GeneratedRegex("management account ([0-9]{12})")]
    private static partial Regex ManagementPattern();
}
