using ComplianceReport.Client.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace ComplianceReport.Client.Tests;

/// <summary>Runs a command line as a user's terminal of a given width would see it: output, standard error, exit code.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>Through Spectre's CommandAppTester, configured exactly as the program is.</summary>
    public static async Task<Result> RunAsync(FakeComplianceApi api, int width, params string[] args)
    {
        var error = new StringWriter();
        var console = new TestConsole().Width(width);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var tester = new CommandAppTester(CliApp.Registrar(console, error, api, configuration), new CommandAppTesterSettings(), console);
        tester.Configure(config => CliApp.Configure(config, console, error));
        var result = await tester.RunAsync(args);
        return new Result(result.ExitCode, console.Output, error.ToString());
    }

    public static Task<Result> RunAsync(FakeComplianceApi api, params string[] args) => RunAsync(api, 100, args);

    /// <summary>Through <see cref="CliApp.RunAsync"/>, the program's own entry.</summary>
    public static async Task<Result> RunProgramAsync(FakeComplianceApi api, params string[] args)
    {
        var error = new StringWriter();
        var console = new TestConsole().Width(100);
        var configuration = new ConfigurationBuilder().Build();
        var code = await CliApp.RunAsync(args, console, error, api, configuration, CancellationToken.None);
        return new Result(code, console.Output, error.ToString());
    }
}
