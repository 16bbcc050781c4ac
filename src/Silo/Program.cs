using ComplianceReport.Silo.Cli;
using Spectre.Console.Cli;

var app = new CommandApp<SiloCommand>().WithDescription(SiloConfigurationKeys.Description);
app.Configure(config =>
{
    config.SetApplicationName("dotnet ComplianceReport.Silo.dll");
    config.UseAssemblyInformationalVersion();
    config.UseStrictParsing();
    config.SetHelpProvider(new SiloHelpProvider(config.Settings));
    config.PropagateExceptions();
});
return await CommandLine.RunAsync(app, args);
