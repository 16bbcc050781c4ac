using ComplianceReport.AwsSimulator;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Reliability.Tests.Delivery;

/// <summary>A small, fast organization and a moto for S3, shared by the delivery fault tests.</summary>
public sealed class DeliveryFaultFixture : IAsyncLifetime
{
    private readonly MotoServer _moto = new();

    public SimulatorApp Simulator { get; private set; } = null!;

    public string MotoEndpoint => _moto.Endpoint;

    public async Task InitializeAsync()
    {
        await _moto.InitializeAsync();
        Simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 4, Seed = 31 });
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await _moto.DisposeAsync();
    }
}
