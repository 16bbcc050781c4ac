using System.Globalization;
using ComplianceReport.Client.Cli;
using ComplianceReport.Client.Cluster;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .Build();

// Piped output has no terminal to measure: honour COLUMNS as shells export it, else keep rows whole.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns >= 40 ? columns : 240;
}

using var tracing = CliTelemetry.Listen();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
await using var api = new OrleansComplianceApi(configuration);
return await CliApp.RunAsync(args, AnsiConsole.Console, Console.Error, api, configuration, cancel.Token);
