using ComplianceReport.AwsSimulator.Auth;
using ComplianceReport.AwsSimulator.Faults;
using ComplianceReport.AwsSimulator.Generation;
using ComplianceReport.AwsSimulator.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplianceReport.AwsSimulator.Hosting;

internal static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddAwsSimulator(this IServiceCollection services, SimulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new SimulatorClock(TimeProvider.System));
        services.AddSingleton(new SimulatorCounters());
        services.AddSingleton(new FaultDice(options.Seed));
        services.AddSingleton(sp => new ComplianceWorld(options));
        services.AddSingleton(sp => new CredentialStore(options.HubKeyId, options.HubSecret, sp.GetRequiredService<ComplianceWorld>().Organization.HubAccountId));
        services.AddSingleton(sp => new Throttler(options.ThrottleRps, options.ThrottleBurst, sp.GetRequiredService<SimulatorClock>()));
        services.AddSingleton(sp => new PagingFaults(options.RepeatedNextTokenRate, sp.GetRequiredService<FaultDice>()));
        services.AddSingleton(sp => new OrganizationsHandler(sp.GetRequiredService<ComplianceWorld>(), sp.GetRequiredService<PagingFaults>(), options.Seed));
        services.AddSingleton(sp => new ConfigHandler(sp.GetRequiredService<ComplianceWorld>(), sp.GetRequiredService<PagingFaults>(), options.Seed));
        services.AddSingleton(sp => new AggregatorView(sp.GetRequiredService<ComplianceWorld>(), options));
        services.AddSingleton(sp => new AggregatorHandler(sp.GetRequiredService<ComplianceWorld>(), sp.GetRequiredService<AggregatorView>(), sp.GetRequiredService<PagingFaults>()));
        services.AddSingleton<StsHandler>();
        services.AddSingleton<RequestDispatcher>();
        services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        return services;
    }
}
