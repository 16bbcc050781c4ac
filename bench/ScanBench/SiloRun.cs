using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.ScanBench;

/// <summary>
/// A one-silo cluster in this process, configured as production would be except for the endpoint
/// (the simulator) and storage (memory): one full report run, timed by phase.
/// </summary>
public static class SiloRun
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<SiloRunResult> RunAsync(BenchArguments arguments, SimulatorProcess simulator, string outputDirectory, bool collectFindings)
    {
        // The silo reaches the simulator exactly as it would reach AWS: endpoint and hub keys from the environment.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", simulator.Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultHubKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultHubSecret);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");

        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(Configuration(arguments, simulator, outputDirectory));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddComplianceSilo();
        await using var app = builder.Build();
        await app.StartAsync();

        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var stopwatch = Stopwatch.StartNew();
        var status = await grains.GetGrain<IReportGrain>(ReportGrainKeys.Default)
            .StartWeeklyRunAsync(IsoWeek.Of(DateTimeOffset.UtcNow), RunTrigger.OnDemand, CancellationToken.None);
        var run = grains.GetGrain<IReportRunGrain>(status.RunId);
        TimeSpan? scanningAt = null;
        var doneAtWalkEnd = 0;
        TimeSpan? buildingAt = null;
        TimeSpan? deliveringAt = null;
        var lastDone = -1;
        long heapPeak = 0;
        var lastPrinted = TimeSpan.Zero;
        while (!status.IsFinished)
        {
            await Task.Delay(PollInterval);
            status = await run.GetStatusAsync(CancellationToken.None);
            heapPeak = Math.Max(heapPeak, GC.GetGCMemoryInfo().HeapSizeBytes);
            if (status.Phase >= RunPhase.Scanning && scanningAt is null)
            {
                scanningAt = stopwatch.Elapsed;
                doneAtWalkEnd = status.AccountsDone;
            }

            if (status.Phase >= RunPhase.Building && buildingAt is null)
            {
                buildingAt = stopwatch.Elapsed;
            }

            if (status.Phase >= RunPhase.Delivering && deliveringAt is null)
            {
                deliveringAt = stopwatch.Elapsed;
            }

            if (stopwatch.Elapsed - lastPrinted >= TimeSpan.FromSeconds(5) && status.AccountsDone != lastDone)
            {
                lastPrinted = stopwatch.Elapsed;
                lastDone = status.AccountsDone;
                Console.WriteLine($"  {stopwatch.Elapsed.TotalSeconds,6:F1} s  {status.Phase,-11} {status.AccountsDone}/{status.AccountsTotal} accounts, silo RSS {ProcessMemory.CurrentMiB(Environment.ProcessId):F0} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB");
            }
        }

        var wall = stopwatch.Elapsed;
        var peak = ProcessMemory.PeakMiB(Environment.ProcessId);

        // What the finished run keeps alive (every account grain is still active): the heap after
        // full, compacting collections, free of the garbage that the peak figures include.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        var liveMiB = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var findings = collectFindings ? await CollectFindingsAsync(grains, run, status.RunId) : null;
        await app.StopAsync();
        return new SiloRunResult(status, wall, scanningAt ?? wall, doneAtWalkEnd, buildingAt ?? wall, deliveringAt ?? wall, peak, heapPeak / 1048576.0, liveMiB, findings);
    }

    /// <summary>Every finding of the run, read back from the account grains (after the memory was measured).</summary>
    private static async Task<List<Finding>> CollectFindingsAsync(IGrainFactory grains, IReportRunGrain run, string runId)
    {
        var accounts = await run.GetAccountsAsync(CancellationToken.None);
        var findings = new List<Finding>();
        foreach (var chunk in accounts.Chunk(64))
        {
            var lists = await Task.WhenAll(chunk.Select(a => grains.GetGrain<IAccountGrain>(a.Account.AccountId).GetRunFindingsAsync(runId, CancellationToken.None)));
            findings.AddRange(lists.SelectMany(l => l).Where(f => f.Compliance == ComplianceType.NonCompliant));
        }

        return findings;
    }

    private static Dictionary<string, string?> Configuration(BenchArguments arguments, SimulatorProcess simulator, string outputDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Scan:RequestsPerSecond"] = "1",
            ["Scan:RequestsBurst"] = "2",
            ["Scan:MaxConcurrentAccounts"] = arguments.MaxConcurrentAccounts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Report:OutputDirectory"] = outputDirectory,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
            ["Cluster:Clustering"] = "Localhost",
            ["Cluster:Storage"] = "Memory",
            ["Cluster:SiloPort"] = FreePort(),
            ["Cluster:GatewayPort"] = FreePort(),
        };
        var regions = arguments.RegionNames();
        for (var i = 0; i < regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = regions[i];
        }

        return settings;
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
