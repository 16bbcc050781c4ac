using ComplianceReport.Silo.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace ComplianceReport.Silo.Cli;

/// <summary>The silo itself: validate configuration and ports, then serve until stopped.</summary>
public sealed class SiloCommand : AsyncCommand<SiloCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            var cluster = builder.Configuration.ReadClusterSettings();
            StartupChecks.ValidateTelemetry(builder.Configuration);
            StartupChecks.EnsurePortsFree([.. StartupChecks.ClusterPorts(cluster), .. StartupChecks.HttpPorts(builder.Configuration)]);
            StartupChecks.EnsureHttpAddressesLocal(builder.Configuration);
            await DynamoDbTableCheck.EnsureTablesExistAsync(cluster, cancellationToken);
            builder.AddComplianceSilo();
            var app = builder.Build();
            StartupChecks.ValidateOptions(app.Services);
            app.MapComplianceEndpoints();

            // The host's own lifetime handles SIGTERM and Ctrl+C (ECS stops tasks with SIGTERM).
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is ConfigurationErrorException or OptionsValidationException)
        {
            Console.Error.WriteLine($"Configuration error: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException || (ex is IOException && ex.InnerException is System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException))
        {
            // The ports were free when checked, but binding failed at start (taken since, or an
            // address this host does not have): still one line, naming the keys that choose them.
            Console.Error.WriteLine($"Configuration error: the silo could not listen ({ex.Message.TrimEnd('.')}): check ASPNETCORE_URLS (the HTTP endpoint), Cluster:SiloPort and Cluster:GatewayPort.");
            return 1;
        }
    }

    /// <summary>No arguments: the silo is configured through configuration keys (see the description).</summary>
    public sealed class Settings : CommandSettings;
}
