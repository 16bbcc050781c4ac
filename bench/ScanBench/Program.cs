using System.Globalization;
using ComplianceReport.Compliance.Model;
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
Console.WriteLine($"Scan bench: {arguments.Accounts:N0} accounts x {regions.Count} regions, latency {arguments.LatencyMs} ms +-50%, throttling {arguments.ThrottleRps}/s burst {arguments.ThrottleBurst} per account, region and operation; Scan:MaxConcurrentAccounts {arguments.MaxConcurrentAccounts}");
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

var before = await simulator.CountersAsync();
var silo = await SiloRun.RunAsync(arguments, simulator, Path.Combine(work.FullName, "out"), collectFindings: true);
var siloCounters = await simulator.CountersAsync() - before;
var simulatorPeak = simulator.PeakMiB();
var loadAfterSilo = LoadAverage();
var status = silo.Status;
var failures = status.Failures.GroupBy(f => f.Error.Kind).ToDictionary(g => g.Key, g => g.Select(f => f.AccountId).Distinct().Count());

Console.WriteLine();
Console.WriteLine($"Silo run {status.RunId}: {status.Phase}{(status.Error is null ? string.Empty : " - " + status.Error)}");
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
Console.WriteLine($"  pacing (run record)    {string.Join(", ", status.Pacing.Select(p => $"{p.Operation} {p.Calls:N0} calls, {p.ThrottledShare:P1} throttled, peak {p.PeakRequestsPerSecond:F1}/s"))}");
Console.WriteLine($"  peak memory            silo process {silo.PeakMiB:F0} MiB (VmHWM, bench harness included; GC heap after a collection at most {silo.HeapPeakMiB:F0} MiB), simulator {simulatorPeak:F0} MiB");
Console.WriteLine($"  live heap after run    {silo.LiveHeapMiB:F0} MiB ({silo.LiveHeapMiB * 1024 / status.AccountsTotal:F0} KiB per account; every account grain still active)");
Console.WriteLine($"  load average after     {loadAfterSilo}");
if (silo.Findings is { } ours)
{
    Console.WriteLine($"  scan floor             {ChainFloor(ours, arguments):F1} s (longest GetComplianceDetailsByConfigRule chain of one account-region at {arguments.ThrottleRps}/s after a burst of {arguments.ThrottleBurst})");
    var scanFloor = ChainFloor(ours, arguments);
    var discoveryFloor = Math.Max(0, siloCounters.Operation("ListAccountsForParent") - arguments.ThrottleBurst) / arguments.ThrottleRps;
    var tagsFloor = Math.Max(0, status.AccountsTotal - arguments.ThrottleBurst) / arguments.ThrottleRps;
    var floor = Math.Max(scanFloor, discoveryFloor);
    Console.WriteLine($"  discovery floor        {discoveryFloor:F1} s ({siloCounters.Operation("ListAccountsForParent")} ListAccountsForParent pages, one throttled chain in the management account)");
    Console.WriteLine($"  account tags floor     {tagsFloor:F1} s ({status.AccountsTotal} ListTagsForResource calls, one per account, one throttled chain in the management account)");
    Console.WriteLine($"  ours / floor           {silo.Wall.TotalSeconds / floor:F2}x the longer of the scan and discovery floors ({floor:F1} s); {silo.Wall.TotalSeconds / Math.Max(floor, tagsFloor):F2}x counting the account tags chain ({Math.Max(floor, tagsFloor):F1} s)");
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
