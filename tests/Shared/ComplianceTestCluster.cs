using Amazon.Runtime;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Grains;
using ComplianceReport.Grains.Interfaces.Serialization;
using ComplianceReport.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ComplianceReport.Tests.Shared;

/// <summary>
/// One in-process silo wired as production (adapters, workbook, delivery) from the given settings,
/// with memory storage and reminders and the simulator's hub credentials. A test swaps in fakes or
/// exporters through <c>configureSilo</c>, which runs after the production registrations.
/// </summary>
public static class ComplianceTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<ISiloBuilder>? configureSilo = null,
        Action<IClientBuilder>? configureClient = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorageNames.Compliance);
            silo.UseInMemoryReminderService();
            silo.Services.AddSerializer(s => s.AddComplianceModel());
            // As in production: a throttled account's scan may outlast Orleans' 30 s default.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = OrleansSiloExtensions.GrainCallTimeout);
            silo.Services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(SimulatorOptions.DefaultHubKeyId, SimulatorOptions.DefaultHubSecret));
            silo.Services.AddComplianceServices(configuration);
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client =>
        {
            client.Services.AddSerializer(s => s.AddComplianceModel());
            configureClient?.Invoke(client);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static async Task StopAsync(InProcessTestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }
}
