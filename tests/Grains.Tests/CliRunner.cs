using ComplianceReport.Client.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace ComplianceReport.Grains.Tests;

/// <summary>Runs the CLI in-process with captured output, as a user's terminal would see it.</summary>
public static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var code = await new CliApplication(console, error).RunAsync(args, configuration, timeout.Token);
        return (code, output.ToString(), error.ToString());
    }
}
