using ComplianceReport.Client.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .Build();
if (Console.IsOutputRedirected)
{
    // Piped output has no terminal width; keep table rows whole for scripts and logs.
    AnsiConsole.Console.Profile.Width = 240;
}

using var tracing = CliTelemetry.Listen();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await new CliApplication(AnsiConsole.Console, Console.Error).RunAsync(args, configuration, cancel.Token);
