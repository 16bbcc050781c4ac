using System.Reflection;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Commands;
using ComplianceReport.Client.Commands.Exceptions;
using ComplianceReport.Client.Commands.Report;
using ComplianceReport.Client.Output;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Cli;

/// <summary>The command tree, help and exit codes of <c>compliance-report</c>, for Program and the tests alike.</summary>
public static class CliApp
{
    public const string Name = "compliance-report";

    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs one command line against <paramref name="api"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TextWriter error, IComplianceApi api, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var app = new CommandApp(Registrar(console, error, api, configuration));
        app.Configure(config => Configure(config, console, error));
        var code = await app.RunAsync(args, cancellationToken);

        // A group without its subcommand gets the group's help, and is still a wrong command line.
        if (args.Count == 1 && Groups.TryGetValue(args[0], out var subcommands))
        {
            await error.WriteLineAsync($"'{args[0]}' needs a subcommand: {subcommands}.");
            return ExitCodes.BadUsage;
        }

        return code;
    }

    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["report"] = "run, status, list or deliver",
        ["exceptions"] = "check or list",
    };

    public static TypeRegistrar Registrar(IAnsiConsole console, TextWriter error, IComplianceApi api, IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(api);
        services.AddSingleton(configuration);
        services.AddSingleton(new CliOutput(console, error));
        return new TypeRegistrar(services);
    }

    public static void Configure(IConfigurator config, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName(Name);
        config.SetApplicationVersion(Version);
        config.ConfigureConsole(console);
        config.UseStrictParsing();
        config.CancellationExitCode(ExitCodes.Failure);
        config.SetExceptionHandler((exception, _) => Handle(exception, error));
        config.AddExample("accounts", "--sort", "findings", "--top", "10");
        config.AddExample("report", "run", "--wait");

        config.AddCommand<AccountsCommand>("accounts")
            .WithDescription("The accounts of the latest run: status, findings by severity, compliance, owner.")
            .WithExample("accounts")
            .WithExample("accounts", "--status", "failed")
            .WithExample("accounts", "--owner", "payments-team", "--sort", "findings", "--top", "5")
            .WithExample("accounts", "-o", "csv");
        config.AddCommand<AccountCommand>("account")
            .WithDescription("One account: its last scan per region, errors and trace id.")
            .WithExample("account", "123456789012")
            .WithExample("account", "123456789012", "--json");
        config.AddCommand<RescanCommand>("rescan")
            .WithDescription("Scans accounts now, all at once; exit 1 if one could not be scanned.")
            .WithExample("rescan", "123456789012")
            .WithExample("rescan", "123456789012", "210987654321", "-o", "json");
        config.AddBranch("report", report =>
        {
            report.SetDescription("Report runs: start one, follow it, list them, retry a delivery.");
            report.AddCommand<ReportRunCommand>("run")
                .WithDescription("Starts an on-demand run, or follows the one in progress.")
                .WithExample("report", "run", "--wait")
                .WithExample("report", "run", "--wait", "--no-deliver")
                .WithExample("report", "run", "--new");
            report.AddCommand<ReportStatusCommand>("status")
                .WithDescription("A run's progress, figures and outputs (default: the latest); exit 1 if it failed or a delivery did.")
                .WithExample("report", "status")
                .WithExample("report", "status", "2026-W48", "--json");
            report.AddCommand<ReportListCommand>("list")
                .WithDescription("Every recorded run.")
                .WithExample("report", "list");
            report.AddCommand<ReportDeliverCommand>("deliver")
                .WithDescription("Retries the failed deliveries of a run (default: the latest); what was delivered is not repeated.")
                .WithExample("report", "deliver")
                .WithExample("report", "deliver", "2026-W48");
        });
        config.AddCommand<DoctorCommand>("doctor")
            .WithDescription("Preflight of a deployment: hub identity, roles, recorders, bucket, Jira, tables; exit 1 if a check failed.")
            .WithExample("doctor")
            .WithExample("doctor", "--sample", "20", "-o", "json");
        config.AddBranch("exceptions", exceptions =>
        {
            exceptions.SetDescription("Accepted-risk exceptions: validate a file, see what a run applied.");
            exceptions.AddCommand<ExceptionsCheckCommand>("check")
                .WithDescription("Validates an exceptions file offline; exit 2 listing every problem.")
                .WithExample("exceptions", "check", "deploy/exceptions.example.yaml");
            exceptions.AddCommand<ExceptionsListCommand>("list")
                .WithDescription("The entries the latest run applied: what each covered, when it expires.")
                .WithExample("exceptions", "list")
                .WithExample("exceptions", "list", "-o", "csv");
        });
    }

    /// <summary>One line for every failure; 2 for a wrong command line, 1 for anything else. No stack trace.</summary>
    private static int Handle(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException or CliUsageException:
                error.WriteLine($"{exception.Message.TrimEnd('.')}. See --help.");
                return ExitCodes.BadUsage;
            case CliFailureException:
                error.WriteLine(exception.Message);
                return ExitCodes.Failure;
            case OperationCanceledException:
                error.WriteLine("Cancelled.");
                return ExitCodes.Failure;
            default:
                error.WriteLine($"The cluster call failed: {exception.GetType().Name}: {FirstLine(exception.Message)}");
                return ExitCodes.Failure;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
