using ComplianceReport.JiraListener;
using Spectre.Console.Cli;

var app = new CommandApp<ListenCommand>().WithDescription(ListenCommand.Description);
app.Configure(config =>
{
    config.SetApplicationName("dotnet run --project tools/JiraListener --");
    config.UseStrictParsing();
    config.AddExample("--port", "8089");
    config.AddExample("--api-version", "2", "--token", "my-pat");
});
return await app.RunAsync(args);
