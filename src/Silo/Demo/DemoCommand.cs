using System.Diagnostics;
using System.Globalization;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Silo.Demo;

/// <summary>
/// The embedded default: the AWS simulator in-process, a one-silo localhost cluster with memory
/// storage, one report run at once; no AWS account, Docker or credentials needed.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = DemoArguments.Parse(args, out var error);
        if (arguments is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(DemoArguments.Usage);
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        await using var simulator = await SimulatorApp.StartAsync(SimulatorSettings(arguments));
        Console.WriteLine($"AWS simulator: {arguments.Accounts} accounts at {simulator.Endpoint}"
            + (arguments.Aggregator ? $", read through the Config aggregator {simulator.AggregatorName} in {simulator.AggregatorAccountId}" : string.Empty));

        // The silo reaches the simulator exactly as it would reach AWS: endpoint and hub keys
        // through the AWS SDK's standard environment variables.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", simulator.Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultHubKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultHubSecret);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");

        WebApplication app;
        try
        {
            var builder = WebApplication.CreateBuilder([]);
            builder.Configuration.AddInMemoryCollection(DemoConfiguration(arguments, simulator));
            builder.Configuration.AddEnvironmentVariables();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseUrls(builder.Configuration["Demo:Urls"] ?? "http://127.0.0.1:5080");
            builder.AddComplianceSilo();
            app = builder.Build();
            app.MapComplianceEndpoints();
            await app.StartAsync();
        }
        catch (Exception ex) when (ex is ConfigurationErrorException or OptionsValidationException)
        {
            Console.Error.WriteLine($"Configuration error: {ex.Message}");
            return 1;
        }

        await using (app)
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var report = grains.GetGrain<IReportGrain>(ReportGrainKeys.Default);
            var week = IsoWeek.Of(DateTimeOffset.UtcNow);
            var status = await report.StartWeeklyRunAsync(week, RunTrigger.OnDemand, CancellationToken.None);
            status = await WaitAsync(grains, status.RunId);
            PrintSummary(status, stopwatch.Elapsed);
            var ok = status.Phase == RunPhase.Completed;

            if (arguments.Once)
            {
                await app.StopAsync();
                return ok ? 0 : 1;
            }

            Console.WriteLine();
            Console.WriteLine("The silo stays up for the CLI (Ctrl+C stops it). Try:");
            Console.WriteLine("  dotnet run --project src/Client -- accounts");
            Console.WriteLine("  dotnet run --project src/Client -- report run --wait");
            await app.WaitForShutdownAsync();
            return ok ? 0 : 1;
        }
    }

    private static SimulatorOptions SimulatorSettings(DemoArguments arguments) => new()
    {
        Accounts = arguments.Accounts,
        Seed = arguments.Seed,
        LatencyMs = 5,
        DenyAccounts = Math.Max(1, arguments.Accounts / 50),
        NoConfigAccounts = Math.Max(1, arguments.Accounts / 40),
        SuspendedAccounts = Math.Max(1, arguments.Accounts / 60),

        // The aggregator's own faults, on the Errors sheet when the demo reads through it.
        AggregatorFailedSources = arguments.Aggregator ? 1 : 0,
        AggregatorOutdatedSources = arguments.Aggregator && arguments.Accounts > 2 ? 1 : 0,
    };

    private static Dictionary<string, string?> DemoConfiguration(DemoArguments arguments, SimulatorApp simulator)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Scan:RequestsPerSecond"] = "20",
            ["Report:OutputDirectory"] = Path.GetFullPath(arguments.OutputDirectory),
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
            ["Cluster:Clustering"] = "Localhost",
            ["Cluster:Storage"] = "Memory",
        };
        if (arguments.Aggregator)
        {
            settings["Organization:Source"] = "Aggregator";
            settings["Organization:AggregatorName"] = simulator.AggregatorName;
            settings["Organization:AggregatorAccountId"] = simulator.AggregatorAccountId;
            settings["Organization:AggregatorRegion"] = simulator.AggregatorRegion;
        }

        var regions = new SimulatorOptions().Regions;
        for (var i = 0; i < regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = regions[i];
        }

        return settings;
    }

    private static async Task<RunStatus> WaitAsync(IGrainFactory grains, string runId)
    {
        var run = grains.GetGrain<IReportRunGrain>(runId);
        var lastLine = string.Empty;
        while (true)
        {
            var status = await run.GetStatusAsync(CancellationToken.None);
            var line = $"  {status.Phase,-11} {status.AccountsDone}/{status.AccountsTotal} accounts";
            if (line != lastLine)
            {
                Console.WriteLine(line);
                lastLine = line;
            }

            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(500);
        }
    }

    private static void PrintSummary(RunStatus status, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"Run {status.RunId}: {status.Phase}");
        Console.WriteLine(string.Create(inv, $"  accounts        {status.AccountsTotal} ({status.AccountsDone - status.AccountsFailed - status.AccountsSkipped} scanned, {status.AccountsFailed} failed, {status.AccountsSkipped} skipped)"));
        Console.WriteLine(string.Create(inv, $"  non-compliant   {status.NonCompliantResources:N0} resources"));
        Console.WriteLine(string.Create(inv, $"  compliance      {(status.CompliancePercent is { } p ? p.ToString("P1", inv) : "n/a")}"));
        Console.WriteLine(string.Create(inv, $"  AWS calls       {status.AwsCalls.Calls:N0} ({status.AwsCalls.Retries:N0} retries, {status.AwsCalls.Throttles:N0} throttled, {status.AwsCalls.Timeouts:N0} timed out)"));
        Console.WriteLine($"  workbook        {status.WorkbookPath}");
        foreach (var delivery in status.Deliveries)
        {
            Console.WriteLine($"  {delivery.Sink,-15} {(delivery.Succeeded ? delivery.Location : "FAILED: " + delivery.Error)}");
        }

        if (status.Error is not null)
        {
            Console.WriteLine($"  error           {status.Error}");
        }

        Console.WriteLine(string.Create(inv, $"  elapsed         {elapsed.TotalSeconds:F1} s"));
    }
}
