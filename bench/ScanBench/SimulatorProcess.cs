using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplianceReport.ScanBench;

/// <summary>
/// The AWS simulator as its own process, so that its memory is measured apart from the silo's.
/// Counters come from its <c>GET /_sim/counters</c> endpoint.
/// </summary>
public sealed partial class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();

    private SimulatorProcess(Process process, Uri endpoint, string managementAccountId, Match? aggregator)
    {
        if (aggregator is { Success: true })
        {
            AggregatorName = aggregator.Groups[1].Value;
            AggregatorAccountId = aggregator.Groups[2].Value;
            AggregatorRegion = aggregator.Groups[3].Value;
        }

        _process = process;
        Endpoint = endpoint;
        ManagementAccountId = managementAccountId;
    }

    public Uri Endpoint { get; }

    public string ManagementAccountId { get; }

    public int ProcessId => _process.Id;

    /// <summary>The organization's Config aggregator as the simulator announced it (name, account, region).</summary>
    public string AggregatorName { get; } = string.Empty;

    public string AggregatorAccountId { get; } = string.Empty;

    public string AggregatorRegion { get; } = string.Empty;

    public static async Task<SimulatorProcess> StartAsync(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A heap limit given to the bench stands for the silo's container, not the simulator's.
        info.Environment.Remove("DOTNET_GCHeapHardLimit");
        info.ArgumentList.Add(LocateDll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the simulator");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[simulator] {e.Data}");
            }
        };
        process.BeginErrorReadLine();

        string? management = null;
        Match? aggregator = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ManagementPattern().Match(line) is { Success: true } m)
            {
                management = m.Groups[1].Value;
                aggregator = AggregatorPattern().Match(line);
            }

            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                // Keep draining stdout so the simulator never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new SimulatorProcess(process, new Uri(line["listening on ".Length..].Trim()), management ?? throw new InvalidOperationException("the simulator did not name its management account"), aggregator);
            }
        }

        throw new InvalidOperationException($"the simulator exited before listening (exit code {(process.HasExited ? process.ExitCode : -1)})");
    }

    public async Task<SimulatorCountersSnapshot> CountersAsync()
    {
        using var document = await _http.GetFromJsonAsync<JsonDocument>(new Uri(Endpoint, "/_sim/counters")) ?? throw new InvalidOperationException("no counters");
        var root = document.RootElement;
        var byOperation = root.GetProperty("requestsByOperation").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        return new SimulatorCountersSnapshot(
            root.GetProperty("totalRequests").GetInt64(),
            root.GetProperty("throttledResponses").GetInt64(),
            root.GetProperty("errorsInjected").GetInt64(),
            byOperation);
    }

    public double PeakMiB() => ProcessMemory.PeakMiB(_process.Id);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The simulator's build output: next to this program when the SDK copied it, else the repository's Release build.</summary>
    private static string LocateDll()
    {
        const string Name = "ComplianceReport.AwsSimulator";
        var local = Path.Combine(AppContext.BaseDirectory, Name + ".dll");
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, Name + ".runtimeconfig.json")))
        {
            return local;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ComplianceReport.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("cannot find the repository root (ComplianceReport.sln) to locate the simulator");
        }

        var built = Path.Combine(directory.FullName, "tools", "AwsSimulator", "bin", "Release", "net10.0", Name + ".dll");
        if (!File.Exists(built))
        {
            throw new InvalidOperationException($"build the simulator first: dotnet build -c Release tools/AwsSimulator (looked for {built})");
        }

        return built;
    }

    [GeneratedRegex(@"management account (\d{12})", RegexOptions.CultureInvariant)]
    private static partial Regex ManagementPattern();

    [GeneratedRegex(@"aggregator (\S+) in (\d{12})/([a-z0-9-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex AggregatorPattern();
}
