using System.Runtime.InteropServices;
using ComplianceReport.AwsSimulator;
using ComplianceReport.AwsSimulator.Cli;

var options = CommandLine.Parse(args, out var error, out var help);
if (help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

if (options is null)
{
    await Console.Error.WriteLineAsync(error);
    return 2;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

await using var simulator = await SimulatorApp.StartAsync(options);
var organization = simulator.Organization;
Console.WriteLine(
    $"organization {organization.Id}: management account {organization.ManagementAccountId}, hub account {organization.HubAccountId}, " +
    $"{organization.Accounts.Count - 1} member accounts, regions {string.Join(',', organization.Regions)}, " +
    $"aggregator {simulator.AggregatorName} in {simulator.AggregatorAccountId}/{simulator.AggregatorRegion}");
// Scripts wait for exactly this line (no trailing slash).
Console.WriteLine($"listening on http://127.0.0.1:{simulator.Endpoint.Port}");
await stop.Task;
return 0;
