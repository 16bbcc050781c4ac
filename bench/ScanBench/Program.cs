using System.Globalization;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.ScanBench;

// A full report for N accounts against the AWS simulator under AWS-like conditions, then the seed's
// Option 2 against the same simulator, with a cross-check of their findings. See bench/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var arguments = BenchArguments.Parse(args, out var error);
if (arguments is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}

var regions = arguments.RegionNames();
var work = Directory.CreateTempSubdirectory("scan-bench-");
Console.WriteLine($"Scan bench: {arguments.Accounts:N0} accounts x {regions.Count} regions{(arguments.Weeks > 1 ? $", week {arguments.Weeks} of {arguments.Weeks} measured" : string.Empty)}, latency {arguments.LatencyMs} ms +-50%, throttling {arguments.ThrottleRps}/s burst {arguments.ThrottleBurst} per account, region and operation; Scan:MaxConcurrentAccounts {arguments.MaxConcurrentAccounts}");
if (Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimit") is { Length: > 0 } limit)
{
    Console.WriteLine($"silo GC heap hard limit: {Convert.ToInt64(limit, 16) / 1048576} MiB (DOTNET_GCHeapHardLimit, as a container memory limit sets it)");
}

Console.WriteLine($"load average at start: {LoadAverage()}");

await using var simulator = await SimulatorProcess.StartAsync(
[
    "--port", "0",
    "--accounts", Invariant(arguments.Accounts),
    "--regions", string.Join(',', regions),
    "--seed", Invariant(arguments.Seed),
    "--latency-ms", Invariant(arguments.LatencyMs),
    "--throttle-rps", Invariant(arguments.ThrottleRps),
    "--throttle-burst", Invariant(arguments.ThrottleBurst),
    "--deny-accounts", Invariant(Math.Max(1, arguments.Accounts / 100)),
    "--no-config-accounts", Invariant(Math.Max(1, arguments.Accounts / 50)),
    "--suspended-accounts", Invariant(Math.Max(1, arguments.Accounts / 100)),
]);
Console.WriteLine($"simulator pid {simulator.ProcessId} at {simulator.Endpoint}, working set after start {ProcessMemory.CurrentMiB(simulator.ProcessId):F0} MiB");

var results = new List<(string Source, SiloRunResult Silo, SimulatorCountersSnapshot Counters, double Floor)>();
foreach (var source in arguments.Sources)
{
    results.Add(await RunSourceAsync(source));
}

if (results.Count == 2)
{
    PrintSideBySide(results);
}

var silo = results[0].Silo;
var status = silo.Status;
if (results[0].Source != "assumerole")
{
    return status.Phase == ComplianceReport.Grains.Interfaces.Reports.RunPhase.Completed ? 0 : 1;
}

if (arguments.SkipBaseline)
{
    return status.Phase == ComplianceReport.Grains.Interfaces.Reports.RunPhase.Completed ? 0 : 1;
}

Console.WriteLine();
Console.WriteLine("Baseline: the seed's Option 2 (python3-boto3, ThreadPoolExecutor(max_workers=20), one account per thread)…");
await Task.Delay(TimeSpan.FromSeconds(3)); // let the simulator's token buckets refill after the silo's run
var baselineBefore = await simulator.CountersAsync();
var baselinePath = Path.Combine(work.FullName, "baseline-findings.tsv");
var baseline = await BaselineRun.RunAsync(arguments, simulator, baselinePath);
var baselineCounters = await simulator.CountersAsync() - baselineBefore;
Console.WriteLine($"  wall time              {baseline.Wall.TotalSeconds:F1} s, {baseline.Accounts / baseline.Wall.TotalSeconds:F1} accounts/s");
Console.WriteLine($"  accounts               {baseline.Accounts} scanned or tried, {baseline.Failed} failed {baseline.FailedByCode}");
Console.WriteLine($"  AWS calls              {baselineCounters.TotalRequests:N0} (Config {baselineCounters.ConfigCalls:N0}); throttled responses {baselineCounters.Throttled:N0}");
Console.WriteLine($"  peak memory            python {baseline.PeakMiB:F0} MiB");
Console.WriteLine($"  load average after     {LoadAverage()}");

var theirs = File.ReadLines(baselinePath).ToHashSet(StringComparer.Ordinal);
var mine = silo.Findings!.Select(f => string.Join('\t', f.AccountId, f.Region, f.RuleName, f.ResourceType, f.ResourceId)).ToHashSet(StringComparer.Ordinal);
var onlyOurs = mine.Count(f => !theirs.Contains(f));
var onlyTheirs = theirs.Count(f => !mine.Contains(f));
Console.WriteLine();
Console.WriteLine(onlyOurs == 0 && onlyTheirs == 0
    ? $"Cross-check: MATCH ({mine.Count:N0} findings in both)"
    : $"Cross-check: DIFFERENT ({mine.Count:N0} ours, {theirs.Count:N0} baseline; {onlyOurs:N0} only ours, {onlyTheirs:N0} only baseline)");
Console.WriteLine($"Speed: {baseline.Wall.TotalSeconds / silo.Wall.TotalSeconds:F1}x faster than the baseline (wall, whole report with workbook against the baseline's discovery and scan; {baseline.Wall.TotalSeconds / silo.BuildingAt.TotalSeconds:F1}x discovery and scan only)");
work.Delete(recursive: true);
return onlyOurs == 0 && onlyTheirs == 0 ? 0 : 1;

async Task<(string Source, SiloRunResult Silo, SimulatorCountersSnapshot Counters, double Floor)> RunSourceAsync(string source)
{
    var silo = await SiloRun.RunAsync(arguments, simulator, Path.Combine(work.FullName, "out-" + source), collectFindings: true, source);
    var siloCounters = await simulator.CountersAsync() - silo.CountersBefore;
    var simulatorPeak = simulator.PeakMiB();
    var loadAfterSilo = LoadAverage();
    var status = silo.Status;
    var failures = status.Failures.GroupBy(f => f.Error.Kind).ToDictionary(g => g.Key, g => g.Select(f => f.AccountId).Distinct().Count());

    Console.WriteLine();
    Console.WriteLine($"Silo run {status.RunId} ({source}): {status.Phase}{(status.Error is null ? string.Empty : " - " + status.Error)}");
    Console.WriteLine($"  wall time              {silo.Wall.TotalSeconds:F1} s (OU walk {silo.DiscoveryTime.TotalSeconds:F1} s, with {silo.DoneAtWalkEnd:N0} accounts scanned meanwhile; then scan {silo.ScanTime.TotalSeconds:F1} s, workbook {silo.WorkbookTime.TotalSeconds:F1} s, delivery {(silo.Wall - silo.DeliveringAt).TotalSeconds:F1} s)");
    Console.WriteLine($"  after the walk         {(silo.Wall - silo.ScanningAt).TotalSeconds:F1} s (the scan and workbook time that discovery does not hide)");
    Console.WriteLine($"  accounts/s             {status.AccountsTotal / silo.Wall.TotalSeconds:F1}");
    Console.WriteLine($"  accounts               {status.AccountsTotal} ({status.AccountsFailed} failed, {status.AccountsSkipped} skipped); non-compliant resources {status.NonCompliantResources:N0}");
    Console.WriteLine($"  failures by kind       {(failures.Count == 0 ? "none" : string.Join(", ", failures.Select(p => $"{p.Key} {p.Value}")))}");
    Console.WriteLine($"  failed by throttling   {failures.GetValueOrDefault(ScanErrorKind.Throttled)} accounts");
    Console.WriteLine($"  AWS calls              {siloCounters.TotalRequests:N0} (Config {siloCounters.ConfigCalls:N0}: {string.Join(", ", siloCounters.ByOperation.Where(p => p.Value > 0).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}"))})");
    Console.WriteLine($"  throttled responses    {siloCounters.Throttled:N0}; injected 5xx {siloCounters.ErrorsInjected:N0}");
    Console.WriteLine($"  retries                {siloCounters.Throttled + siloCounters.ErrorsInjected:N0} (every throttled or 5xx answer is sent again by the SDK or the rate limiter, or fails its region)");
    Console.WriteLine($"  throttled share        {(double)siloCounters.Throttled / Math.Max(1, siloCounters.TotalRequests):P1} of the simulator's answers");
    Console.WriteLine($"  pacing (run record)    {string.Join(", ", status.Pacing.Select(p => $"{p.Operation} {p.Calls:N0} calls, {p.ThrottledShare:P1} throttled, peak {p.PeakRequestsPerSecond:F1}/s{(p.ThrottledAtRequestsPerSecond > 0 ? $", limit found at {p.ThrottledAtRequestsPerSecond:F2}/s" : "")}"))}");
    Console.WriteLine($"  peak memory            silo process {silo.PeakMiB:F0} MiB (VmHWM, bench harness included; GC heap after a collection at most {silo.HeapPeakMiB:F0} MiB), simulator {simulatorPeak:F0} MiB");
    Console.WriteLine($"  live heap after run    {silo.LiveHeapMiB:F0} MiB ({silo.LiveHeapMiB * 1024 / status.AccountsTotal:F0} KiB per account; every account grain still active)");
    Console.WriteLine($"  load average after     {loadAfterSilo}");
var floor = 0.0;
    if (silo.Findings is { } ours)
    {
        var discoveryFloor = Math.Max(0, siloCounters.Operation("ListAccountsForParent") - arguments.ThrottleBurst) / arguments.ThrottleRps;
        // A first run must read every account's tags; a later one none (the week before cached them; it renews some while scanning).
        var requiredTagReads = arguments.Weeks > 1 ? 0 : status.AccountsTotal;
        var tagsFloor = Math.Max(0, requiredTagReads - arguments.ThrottleBurst) / arguments.ThrottleRps;
        double scanFloor;
        if (source == "aggregator")
        {
            // Every aggregator call goes to the aggregator's one account and region: each operation is one chain.
            // Answered calls only: a throttled one took no token of the aggregator's bucket.
            var (operation, answered) = status.Pacing
                .Where(p => SimulatorCountersSnapshot.AggregatorOperations.Contains(p.Operation))
                .Select(p => (p.Operation, Answered: (long)Math.Round(p.Calls * (1 - p.ThrottledShare))))
                .MaxBy(p => p.Answered);
            scanFloor = Math.Max(0, answered - arguments.ThrottleBurst) / arguments.ThrottleRps;
            Console.WriteLine($"  scan floor             {scanFloor:F1} s ({answered:N0} answered {operation} calls, one chain in the aggregator's account-region at {arguments.ThrottleRps}/s after a burst of {arguments.ThrottleBurst})");
        }
        else
        {
            scanFloor = ChainFloor(ours, arguments);
            Console.WriteLine($"  scan floor             {scanFloor:F1} s (longest GetComplianceDetailsByConfigRule chain of one account-region at {arguments.ThrottleRps}/s after a burst of {arguments.ThrottleBurst})");
        }

        floor = Math.Max(scanFloor, discoveryFloor);
        Console.WriteLine($"  discovery floor        {discoveryFloor:F1} s ({siloCounters.Operation("ListAccountsForParent")} ListAccountsForParent pages, one throttled chain in the management account)");
        Console.WriteLine($"  account tags floor     {tagsFloor:F1} s ({requiredTagReads} ListTagsForResource calls needed before evaluating, one throttled chain in the management account; {siloCounters.Operation("ListTagsForResource")} made)");
        Console.WriteLine($"  ours / floor           {silo.Wall.TotalSeconds / floor:F2}x the longer of the scan and discovery floors ({floor:F1} s); {silo.Wall.TotalSeconds / Math.Max(floor, tagsFloor):F2}x counting the account tags chain ({Math.Max(floor, tagsFloor):F1} s)");
    }

    return (source, silo, siloCounters, floor);
}

void PrintSideBySide(List<(string Source, SiloRunResult Silo, SimulatorCountersSnapshot Counters, double Floor)> runs)
{
    Console.WriteLine();
    Console.WriteLine("Sources side by side (same simulated organization, one silo run each):");
    Console.WriteLine($"  {"source",-11} {"wall",8} {"floor",8} {"ratio",6} {"AWS calls",10} {"Config calls",12} {"throttled",10} {"findings",9} {"errors",7}");
    foreach (var (source, run, counters, floor) in runs)
    {
        Console.WriteLine($"  {source,-11} {run.Wall.TotalSeconds,7:F1}s {floor,7:F1}s {run.Wall.TotalSeconds / Math.Max(floor, 0.001),5:F2}x {counters.TotalRequests,10:N0} {counters.ConfigCalls,12:N0} {counters.Throttled,10:N0} {run.Findings?.Count ?? 0,9:N0} {run.Status.Failures.Count,7:N0}");
    }

    // Compared where both sources could read: an account-region one of them lists on its Errors
    // sheet (a denied read role, an aggregator source FAILED) has findings only in the other.
    static string Key(Finding f) => string.Join('\t', f.AccountId, f.Region, f.RuleName, f.ResourceType, f.ResourceId);
    static bool Unread(RunStatus status, Finding f) => status.Failures.Any(e => e.AccountId == f.AccountId && (e.Region is null || e.Region == f.Region));
    var (first, second) = (runs[0].Silo, runs[1].Silo);
    var a = first.Findings!.Where(f => !Unread(second.Status, f)).Select(Key).ToHashSet(StringComparer.Ordinal);
    var b = second.Findings!.Where(f => !Unread(first.Status, f)).Select(Key).ToHashSet(StringComparer.Ordinal);
    Console.WriteLine(a.SetEquals(b)
        ? $"Sources cross-check: MATCH ({a.Count:N0} findings in both: account, region, rule, resource type, resource id, where both could read)"
        : $"Sources cross-check: DIFFERENT ({a.Count(f => !b.Contains(f)):N0} only {runs[0].Source}, {b.Count(f => !a.Contains(f)):N0} only {runs[1].Source}, where both could read)");
    Console.WriteLine($"  read by one source only: {first.Findings!.Count - a.Count:N0} findings only {runs[0].Source} could read, {second.Findings!.Count - b.Count:N0} only {runs[1].Source} (accounts or regions on the other's Errors sheet: {string.Join(", ", second.Status.Failures.Concat(first.Status.Failures).Select(e => e.Error.Kind).Distinct())})");
}

static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

// No design beats the longest run of same-operation calls one account-region must make.
static double ChainFloor(IReadOnlyList<Finding> findings, BenchArguments arguments)
{
    var longest = findings
        .GroupBy(f => (f.AccountId, f.Region))
        .Select(region => region.GroupBy(f => f.RuleName).Sum(rule => (rule.Count() + 99) / 100))
        .DefaultIfEmpty(0)
        .Max();
    return Math.Max(0, longest - arguments.ThrottleBurst) / arguments.ThrottleRps;
}
