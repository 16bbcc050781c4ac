using ComplianceReport.Silo.Demo;
using ComplianceReport.Silo.Hosting;
using Microsoft.Extensions.Options;

if (args.Length > 0 && args[0] == "demo")
{
    return await DemoCommand.RunAsync(args[1..]);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddComplianceSilo();
    var app = builder.Build();

    ValidateConfiguration(app.Services);
    app.MapComplianceEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is ConfigurationErrorException or OptionsValidationException)
{
    Console.Error.WriteLine($"Configuration error: {ex.Message}");
    return 1;
}

// Validate before the host starts: the host would log the failure with a stack trace first.
static void ValidateConfiguration(IServiceProvider services)
{
    try
    {
        services.GetRequiredService<IStartupValidator>().Validate();
    }
    catch (InvalidOperationException ex)
    {
        // The binder's message names the key and the value it could not convert.
        throw new ConfigurationErrorException(ex.Message);
    }
}
