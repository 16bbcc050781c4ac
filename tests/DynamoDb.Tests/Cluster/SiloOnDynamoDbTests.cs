using System.Globalization;
using ComplianceReport.DynamoDb.Hosting;
using ComplianceReport.DynamoDb.Tests.Support;
using ComplianceReport.TestSupport;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace ComplianceReport.DynamoDb.Tests.Cluster;

/// <summary>One silo whose membership, grain state and reminders all live in moto's DynamoDB.</summary>
public sealed class SiloOnDynamoDbTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string EndpointKey = "DynamoDbTests:Endpoint";
    private const string PrefixKey = "DynamoDbTests:TablePrefix";

    [Fact]
    public async Task Grain_state_survives_deactivation_and_reminders_and_membership_land_in_DynamoDB()
    {
        var prefix = "it-" + Guid.NewGuid().ToString("N")[..8];
        var tables = DynamoDbTableNames.For(prefix);
        var builder = new TestClusterBuilder(1);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[EndpointKey] = moto.Endpoint;
        builder.Properties[PrefixKey] = prefix;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var grain = cluster.Client.GetGrain<ICounterGrain>("account-1");
        Assert.Equal(1, await grain.Increment());
        Assert.Equal(2, await grain.Increment());
        var deactivated = cluster.WaitForDeactivationAsync(grain);
        await grain.Deactivate();
        await deactivated;
        Assert.Equal(2, await grain.Get());
        Assert.True(await grain.RegisterReminder());

        var reminders = await Moto.ScanAsync(moto.Endpoint, tables.Reminders);
        Assert.Equal(CounterGrain.ReminderName, Assert.Single(reminders)["ReminderName"].S);
        Assert.Single(await Moto.ScanAsync(moto.Endpoint, tables.GrainState));
        var members = await Moto.ScanAsync(moto.Endpoint, tables.Membership);
        var active = ((int)SiloStatus.Active).ToString(CultureInfo.InvariantCulture);
        Assert.Single(members, m => m.TryGetValue("Status", out var status) && status.N == active);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var endpoint = siloBuilder.Configuration[EndpointKey]!;
            var tables = DynamoDbTableNames.For(siloBuilder.Configuration[PrefixKey]!);
            siloBuilder
                .UseDynamoDbClustering(o => Moto.Apply(o, endpoint, tables.Membership))
                .AddDynamoDbGrainStorageAsDefault(o => Moto.Apply(o, endpoint, tables.GrainState))
                .UseDynamoDbReminderService(o => Moto.Apply(o, endpoint, tables.Reminders));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            var tables = DynamoDbTableNames.For(configuration[PrefixKey]!);
            clientBuilder.UseDynamoDbClustering(o => Moto.Apply(o, configuration[EndpointKey]!, tables.Membership));
        }
    }
}
