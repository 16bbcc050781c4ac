using System.Diagnostics;
using System.Globalization;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// The demo as a user starts it: the built demo host as a separate process (simulator and silo
/// in-process, one-silo localhost cluster), left running for the CLI. Ports are free ones, not the defaults.
/// </summary>
public sealed class DemoProcess : IAsyncLifetime
{
    public const int Accounts = 30;
    private ServerProcess? _silo;

    /// <summary>Where the demo exports its traces (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public OtlpReceiver Otlp { get; } = new();

    public string OutputDirectory { get; } = Directory.CreateTempSubdirectory("compliance-demo-").FullName;

    public int GatewayPort { get; } = FreePort.Next();

    public int HttpPort { get; } = FreePort.Next();

    public int DashboardPort { get; } = FreePort.Next();

    public string Output => _silo?.Output ?? string.Empty;

    /// <summary>The environment that points a CLI process at this demo.</summary>
    public Dictionary<string, string> ClientEnvironment => new()
    {
        ["Cluster__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A project's own build output (same configuration as these tests), as `dotnet run` would use it.</summary>
    /// <param name="project">The project folder under the repository root, e.g. <c>src/Silo</c>.</param>
    public static string BinPath(string project, string assembly)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ComplianceReport.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("ComplianceReport.sln not found above the test folder."), project, "bin", configuration, framework, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first: {path} is missing.");
    }

    public async Task InitializeAsync()
    {
        var siloPort = FreePort.Next();
        _silo = await ServerProcess.StartAsync(
            "dotnet",
            [BinPath("src/Demo", "ComplianceReport.Demo.dll"), "--accounts", Accounts.ToString(CultureInfo.InvariantCulture), "--out", OutputDirectory],
            HttpPort,
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string>
            {
                ["Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                ["Cluster__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
                ["Demo__Urls"] = $"http://127.0.0.1:{HttpPort}",
                ["Cluster__DashboardPort"] = DashboardPort.ToString(CultureInfo.InvariantCulture),
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Otlp.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            });

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (!_silo.Output.Contains("The silo stays up", StringComparison.Ordinal))
        {
            if (_silo.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The demo did not finish its first run:\n{_silo.Output}");
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        Otlp.Dispose();
        Directory.Delete(OutputDirectory, recursive: true);
    }

    /// <summary>Runs the built CLI as a process and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunCliAsync(IDictionary<string, string> environment, params string[] args) =>
        RunAsync(BinPath("src/Client", "ComplianceReport.Client.dll"), Environment.CurrentDirectory, environment, args);

    /// <summary>Runs the built demo as a process from <paramref name="workingDirectory"/>, as a user in that folder would.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunDemoAsync(string workingDirectory, params string[] args) =>
        RunDemoAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the built demo as a process from <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunDemoAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        RunAsync(BinPath("src/Demo", "ComplianceReport.Demo.dll"), workingDirectory, environment, args);

    /// <summary>
    /// <c>dotnet run --project src/Demo</c> from <paramref name="workingDirectory"/>, as the README says
    /// (without building again: the tests' build made it). <c>dotnet run</c>, not the demo, picks the
    /// working directory the demo starts in.
    /// </summary>
    public static Task<(int ExitCode, string Output, string Error)> DotnetRunDemoAsync(string workingDirectory, params string[] args)
    {
        var bin = new DirectoryInfo(Path.GetDirectoryName(BinPath("src/Demo", "ComplianceReport.Demo.dll"))!);
        var configuration = bin.Parent!.Name;
        var project = bin.Parent.Parent!.Parent!.FullName;
        return RunAsync(null, workingDirectory, new Dictionary<string, string>(), ["run", "--no-build", "-c", configuration, "--project", project, "--", .. args]);
    }

    /// <summary>Runs the built production silo as a process from <paramref name="workingDirectory"/>.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunSiloAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        RunAsync(BinPath("src/Silo", "ComplianceReport.Silo.dll"), workingDirectory, environment, args);

    /// <param name="assembly">The app to run with <c>dotnet</c>, or null when <paramref name="args"/> are the whole <c>dotnet</c> command line.</param>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string? assembly, string workingDirectory, IDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (assembly is not null)
        {
            info.ArgumentList.Add(assembly);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
