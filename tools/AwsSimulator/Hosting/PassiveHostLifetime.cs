using Microsoft.Extensions.Hosting;

namespace ComplianceReport.AwsSimulator.Hosting;

/// <summary>
/// Keeps the simulator from hooking Ctrl+C / SIGTERM: when it runs inside a test, the demo or a
/// benchmark, the host process owns its signals; Program.cs handles them for the standalone tool.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
