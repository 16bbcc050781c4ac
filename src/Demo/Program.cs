using ComplianceReport.Demo;
using ComplianceReport.Silo.Cli;
using Spectre.Console.Cli;

var app = new CommandApp<DemoCommand>().WithDescription(DemoCommand.Description);
app.Configure(config =>
{
    config.SetApplicationName("dotnet run --project src/Demo --");
    config.UseAssemblyInformationalVersion();
    config.UseStrictParsing();
    config.AddExample("--once", "--accounts", "200");
    config.AddExample("--accounts", "50", "--out", "reports");
    config.PropagateExceptions();
});
return await CommandLine.RunAsync(app, args);
