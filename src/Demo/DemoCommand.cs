using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Silo.Hosting;
using ComplianceReport.SimulatedEnvironment;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Demo;

/// <summary>
/// The whole product on one machine: the AWS simulator and the production silo in this process
/// (one-silo localhost cluster, memory storage), the current week's scheduled run, its summary;
/// then the silo stays up for the CLI unless <c>--once</c>.
/// </summary>
public sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    public const string Description =
        "Runs the weekly compliance report against a simulated AWS Organization: no AWS account, Docker or credentials needed. "
        + "Writes the workbook and the Jira ticket it would open to --out, then keeps the silo up for the CLI (--once: exit instead).";

    private const string DefaultUrls = "http://127.0.0.1:5080";

    // Left out of the demo's routing map, to show an owner without a mapping staying on the week's issue.
    private const string UnmappedOwner = "platform";
    private static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(2);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var console = AnsiConsole.Console;
        var live = !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive;
        var stopwatch = Stopwatch.StartNew();
        var output = DemoOutput.Create(settings.OutputDirectory);
        using var warnings = new WarningCollector(echo: !live);
        using var exceptions = DemoExceptions.Create(DateOnly.FromDateTime(DateTime.UtcNow));
        try
        {
            await using var simulator = await SimulatorApp.StartAsync(SimulatorSettings(settings), cancellationToken);

            var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            await using var silo = await SimulatedSilo.StartAsync(
                SimulatorConnection.Of(simulator),
                new SimulatedSiloOptions
                {
                    Configuration = DemoConfiguration(settings, simulator, environment, output.WorkDirectory, exceptions.Path),
                    EnvironmentWins = true,
                    FreePorts = settings.Once,
                    Urls = environment["Demo:Urls"] ?? DefaultUrls,
                    UrlsKey = "Demo:Urls",
                    Logging = logging =>
                    {
                        logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(warnings);
                    },
                },
                cancellationToken);

            Console.WriteLine($"AWS simulator: {settings.Accounts} accounts (management account {simulator.ManagementAccountId}) at {simulator.Endpoint}"
                + (settings.Aggregator ? $", read through the Config aggregator {simulator.AggregatorName} in {simulator.AggregatorAccountId}" : string.Empty));

            // Earlier weeks first, the simulated organization moving on a week after each, so the
            // current week's report has a previous scheduled run to count its changes against.
            var today = DateTimeOffset.UtcNow;
            RunStatus status;
            for (var weeksAgo = settings.Weeks - 1; ; weeksAgo--)
            {
                var week = IsoWeek.Of(today.AddDays(-7 * weeksAgo));
                var started = await silo.StartWeeklyRunAsync(week, cancellationToken);
                Console.WriteLine(weeksAgo == 0
                    ? $"Run {started.RunId}: the week's scheduled report, started now"
                    : $"Run {started.RunId}: the scheduled report of {week} ({weeksAgo} week{(weeksAgo == 1 ? string.Empty : "s")} ago, simulated)");
                status = await DemoProgress.FollowAsync(silo, started.RunId, live, cancellationToken);
                if (weeksAgo == 0 || !status.Succeeded)
                {
                    break;
                }

                simulator.AdvanceWeek();
            }

            var moved = output.Publish();
            DemoSummary.Print(console, status, stopwatch.Elapsed, moved, live ? warnings.Warnings : []);
            var exitCode = status.Succeeded ? 0 : 1;
            if (settings.Once)
            {
                return exitCode;
            }

            PrintCliHints(silo);
            await ServeAsync(silo, output, cancellationToken);
            return exitCode;
        }
        catch (Exception ex) when (ex is ConfigurationErrorException or OptionsValidationException)
        {
            Console.Error.WriteLine($"Configuration error: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            output.Close();
        }
    }

    /// <summary>Until Ctrl+C: the runs the CLI starts write into the work folder; move their files up once none is in progress.</summary>
    private static async Task ServeAsync(SimulatedSilo silo, DemoOutput output, CancellationToken cancellationToken)
    {
        var report = silo.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var shutdown = silo.App.WaitForShutdownAsync(cancellationToken);
        using var timer = new PeriodicTimer(PublishInterval);
        while (await Task.WhenAny(shutdown, timer.WaitForNextTickAsync(cancellationToken).AsTask()) != shutdown)
        {
            try
            {
                var runs = await report.ListRunsAsync(cancellationToken);
                if (runs.All(r => r.IsFinished))
                {
                    output.Publish();
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // Shutting down: the final publish happens on the way out.
            }
        }

        await shutdown;
    }

    private static void PrintCliHints(SimulatedSilo silo)
    {
        var gateway = silo.Cluster.GatewayPort == 30000 ? string.Empty : $"Cluster__GatewayPort={silo.Cluster.GatewayPort.ToString(CultureInfo.InvariantCulture)} ";
        Console.WriteLine();
        Console.WriteLine("The silo stays up for the CLI (Ctrl+C stops it). Try:");
        Console.WriteLine($"  {gateway}dotnet run --project src/Client -- accounts");
        Console.WriteLine($"  {gateway}dotnet run --project src/Client -- report run --wait");
    }

    /// <summary>An organization with one of each fault from 3 accounts on (fewer: none), about 6 % faulty when large.</summary>
    private static SimulatorOptions SimulatorSettings(Settings settings)
    {
        var least = settings.Accounts >= 3 ? 1 : 0;
        return new SimulatorOptions
        {
            Accounts = settings.Accounts,
            Seed = settings.Seed,
            LatencyMs = 5,
            DenyAccounts = Math.Max(least, settings.Accounts / 50),
            NoConfigAccounts = Math.Max(least, settings.Accounts / 40),
            SuspendedAccounts = Math.Max(least, settings.Accounts / 60),

            // One resource owner team fixes all its findings in each simulated week after the first,
            // so that with --weeks 2 and --jira its item of the week before is moved through Done.
            FixingTeamsPerWeek = 1,

            // The aggregator's own faults, on the Errors sheet when the demo reads through it.
            AggregatorFailedSources = settings.Aggregator ? 1 : 0,
            AggregatorOutdatedSources = settings.Aggregator && settings.Accounts > 2 ? 1 : 0,
        };
    }

    private static Dictionary<string, string?> DemoConfiguration(Settings settings, SimulatorApp simulator, IConfiguration environment, string outputDirectory, string exceptionsFile)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Scan:RequestsPerSecond"] = "20",
            ["Report:OutputDirectory"] = outputDirectory,
            ["Report:ExceptionsFile"] = exceptionsFile,
        };
        if (settings.Weeks > 1)
        {
            // Simulated weeks are seconds apart: a scan reused from "last week" would hide how the organization changed.
            configuration["Scan:ResultMaxAge"] = "00:00:01";
        }

        if (settings.JiraUrl is { } jira)
        {
            AddJira(configuration, environment, jira);
        }

        if (settings.Aggregator)
        {
            configuration["Organization:Source"] = "Aggregator";
            configuration["Organization:AggregatorName"] = simulator.AggregatorName;
            configuration["Organization:AggregatorAccountId"] = simulator.AggregatorAccountId;
            configuration["Organization:AggregatorRegion"] = simulator.AggregatorRegion;
        }

        return configuration;
    }

    /// <summary>
    /// A real Jira (or the Jira listener) instead of the dry-run file, with routing on: every
    /// simulated owner team but one mapped to a user of its own, resolved items moved through Done.
    /// The token comes from the environment, as the silo takes it.
    /// </summary>
    private static void AddJira(Dictionary<string, string?> configuration, IConfiguration environment, string url)
    {
        var cloud = !string.Equals(environment["Jira:ApiVersion"], "2", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(environment["Jira:ApiToken"]) || (cloud && string.IsNullOrEmpty(environment["Jira:Email"])))
        {
            throw new ConfigurationErrorException(
                "--jira needs the API token in the environment: Jira__ApiToken, and Jira__Email for Jira Cloud (Jira__ApiVersion=2 for Data Center); the Jira listener prints them.");
        }

        configuration["Jira:DryRun"] = "false";
        configuration["Jira:BaseUrl"] = url;
        configuration["Jira:Routing:Enabled"] = "true";
        configuration["Jira:Routing:ResolvedTransition"] = "Done";
        foreach (var owner in SimulatorApp.ResourceOwners.Where(o => o != UnmappedOwner))
        {
            configuration[$"Jira:Routing:Owners:{owner}:AccountId"] = "demo-" + owner;
            configuration[$"Jira:Routing:Owners:{owner}:UserName"] = owner + "-lead";
        }
    }

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--accounts <N>")]
        [Description("Member accounts in the simulated organization, 1 to 100000.")]
        [DefaultValue(50)]
        public int Accounts { get; init; } = 50;

        [CommandOption("--out <DIR>")]
        [Description("Where the workbook and the Jira dry-run file go, relative to the current directory.")]
        [DefaultValue("out")]
        public string OutputDirectory { get; init; } = "out";

        [CommandOption("--once")]
        [Description("Exit after the run (free ports are picked, so several can run at once) instead of serving the CLI.")]
        public bool Once { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seed of the simulated organization: the same seed gives the same accounts and findings.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--weeks <N>")]
        [Description("Scheduled weeks to run, 1 to 8, ending with this week; the organization changes between them, so the report shows what got better or worse.")]
        [DefaultValue(1)]
        public int Weeks { get; init; } = 1;

        [CommandOption("--source <SOURCE>")]
        [Description("Where Config data comes from: assumerole (a read role in every account) or aggregator (the organization's Config aggregator).")]
        [DefaultValue("assumerole")]
        public string Source { get; init; } = "assumerole";

        [CommandOption("--jira <URL>")]
        [Description("Send the tickets to this Jira (or the Jira listener, tools/JiraListener) with routing on, instead of a dry-run file; the token comes from Jira__ApiToken (and Jira__Email).")]
        public string? JiraUrl { get; init; }

        public bool Aggregator => string.Equals(Source, "aggregator", StringComparison.OrdinalIgnoreCase);

        public override ValidationResult Validate()
        {
            if (!string.Equals(Source, "assumerole", StringComparison.OrdinalIgnoreCase) && !Aggregator)
            {
                return ValidationResult.Error($"--source must be assumerole or aggregator, not '{Source}'.");
            }

            if (Accounts is < 1 or > 100_000)
            {
                return ValidationResult.Error($"--accounts must be from 1 to 100000, not {Accounts.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (JiraUrl is not null && (!Uri.TryCreate(JiraUrl, UriKind.Absolute, out var jira) || jira.Scheme is not ("http" or "https")))
            {
                return ValidationResult.Error($"--jira must be an http(s) URL such as http://127.0.0.1:8089/jira, not '{JiraUrl}'.");
            }

            if (Weeks is < 1 or > 8)
            {
                return ValidationResult.Error($"--weeks must be from 1 to 8, not {Weeks.ToString(CultureInfo.InvariantCulture)}.");
            }

            return string.IsNullOrWhiteSpace(OutputDirectory) || OutputDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0
                ? ValidationResult.Error("--out must name a directory.")
                : ValidationResult.Success();
        }
    }
}
