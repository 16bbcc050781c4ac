using System.Diagnostics;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.SimulatedEnvironment;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReport.ScanBench;

/// <summary>
/// A one-silo cluster in this process, configured as production would be except for the endpoint
/// (the simulator) and storage (memory): one full report run, timed by phase.
/// </summary>
public static class SiloRun
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<SiloRunResult> RunAsync(BenchArguments arguments, SimulatorProcess simulator, string outputDirectory, bool collectFindings, string source = "assumerole")
    {
        var connection = new SimulatorConnection(simulator.Endpoint, simulator.ManagementAccountId, arguments.RegionNames());
        await using var silo = await SimulatedSilo.StartAsync(connection, new SimulatedSiloOptions
        {
            Configuration = Configuration(arguments, simulator, outputDirectory, source),
            FreePorts = true,
        });

        var grains = silo.Grains;
        for (var weeksAgo = arguments.Weeks - 1; weeksAgo > 0; weeksAgo--)
        {
            var week = IsoWeek.Of(DateTimeOffset.UtcNow.AddDays(-7 * weeksAgo));
            var earlier = Stopwatch.StartNew();
            var previous = await silo.WaitAsync((await silo.StartWeeklyRunAsync(week)).RunId, PollInterval);
            Console.WriteLine($"  week {week} ({weeksAgo} ago, not measured): {previous.Phase} in {earlier.Elapsed.TotalSeconds:F1} s");

            // A week apart the pacing has forgotten this run's rates (RequestRateLimiter.ForgetAfter); minutes apart it has not.
            silo.App.Services.GetRequiredService<RequestRateLimiter>().Forget();
        }

        // The measured run's calls only, not the earlier weeks'.
        var countersBefore = await simulator.CountersAsync();
        var stopwatch = Stopwatch.StartNew();

        // What the weekly reminder starts: the bench measures the product's weekly report.
        var started = await silo.StartScheduledRunAsync();
        var run = grains.GetGrain<IReportRunGrain>(started.RunId);
        TimeSpan? scanningAt = null;
        var doneAtWalkEnd = 0;
        TimeSpan? buildingAt = null;
        TimeSpan? deliveringAt = null;
        var lastDone = -1;
        long heapPeak = 0;
        var lastPrinted = TimeSpan.Zero;
        var status = await silo.WaitAsync(started.RunId, PollInterval, s =>
        {
            heapPeak = Math.Max(heapPeak, GC.GetGCMemoryInfo().HeapSizeBytes);
            if (s.Phase >= RunPhase.Scanning && scanningAt is null)
            {
                scanningAt = stopwatch.Elapsed;
                doneAtWalkEnd = s.AccountsDone;
            }

            if (s.Phase >= RunPhase.Building && buildingAt is null)
            {
                buildingAt = stopwatch.Elapsed;
            }

            if (s.Phase >= RunPhase.Delivering && deliveringAt is null)
            {
                deliveringAt = stopwatch.Elapsed;
            }

            if (stopwatch.Elapsed - lastPrinted >= TimeSpan.FromSeconds(5) && s.AccountsDone != lastDone)
            {
                lastPrinted = stopwatch.Elapsed;
                lastDone = s.AccountsDone;
                Console.WriteLine($"  {stopwatch.Elapsed.TotalSeconds,6:F1} s  {s.Phase,-11} {s.AccountsDone}/{s.AccountsTotal} accounts, silo RSS {ProcessMemory.CurrentMiB(Environment.ProcessId):F0} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB");
            }
        });

        var wall = stopwatch.Elapsed;
        var peak = ProcessMemory.PeakMiB(Environment.ProcessId);

        // What the finished run keeps alive (every account grain is still active): the heap after
        // full, compacting collections, free of the garbage that the peak figures include.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        var liveMiB = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var findings = collectFindings ? await CollectFindingsAsync(grains, run, status.RunId) : null;
        return new SiloRunResult(status, wall, scanningAt ?? wall, doneAtWalkEnd, buildingAt ?? wall, deliveringAt ?? wall, peak, heapPeak / 1048576.0, liveMiB, findings, countersBefore);
    }

    /// <summary>Every finding of the run, read back from the account grains (after the memory was measured).</summary>
    private static async Task<List<Finding>> CollectFindingsAsync(IGrainFactory grains, IReportRunGrain run, string runId)
    {
        var accounts = await run.GetAccountsAsync(CancellationToken.None);
        var findings = new List<Finding>();
        foreach (var chunk in accounts.Chunk(64))
        {
            var lists = await Task.WhenAll(chunk.Select(a => grains.GetGrain<IAccountGrain>(a.Account.AccountId).GetRunFindingsAsync(runId, null, CancellationToken.None)));
            findings.AddRange(lists.SelectMany(l => l).Where(f => f.Compliance == ComplianceType.NonCompliant));
        }

        return findings;
    }

    private static Dictionary<string, string?> Configuration(BenchArguments arguments, SimulatorProcess simulator, string outputDirectory, string source)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Scan:RequestsPerSecond"] = "1",
            ["Scan:RequestsBurst"] = "2",
            ["Scan:MaxConcurrentAccounts"] = arguments.MaxConcurrentAccounts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Report:OutputDirectory"] = outputDirectory,
        };
        if (arguments.Weeks > 1)
        {
            // The weeks are minutes apart: a scan reused from "last week" would measure nothing.
            configuration["Scan:ResultMaxAge"] = "00:00:01";
        }

        if (source == "aggregator")
        {
            configuration["Organization:Source"] = "Aggregator";
            configuration["Organization:AggregatorName"] = simulator.AggregatorName;
            configuration["Organization:AggregatorAccountId"] = simulator.AggregatorAccountId;
            configuration["Organization:AggregatorRegion"] = simulator.AggregatorRegion;
        }

        return configuration;
    }
}
