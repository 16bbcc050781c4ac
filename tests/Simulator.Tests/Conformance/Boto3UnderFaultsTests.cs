using System.Text.Json.Nodes;
using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>
/// Throttling and injected 500/503 are answered in shapes boto3's standard retry mode recognises,
/// and they never change the data: a retrying client still reads every finding exactly once.
/// </summary>
public sealed class Boto3UnderFaultsTests
{
    [Fact]
    public async Task A_retrying_client_reads_every_finding_exactly_once_despite_throttling_and_5xx()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = 6,
            Seed = 13,
            ThrottleRps = 20,
            ThrottleBurst = 3,
            ErrorRate = 0.05,
        });
        var accounts = simulator.Organization.Accounts.Skip(1).Take(3).Select(a => a.Id).ToList();
        var arguments = new JsonObject
        {
            ["endpoint"] = simulator.Endpoint.ToString().TrimEnd('/'),
            ["hubKeyId"] = simulator.Options.HubKeyId,
            ["hubSecret"] = simulator.Options.HubSecret,
            ["accounts"] = new JsonArray([.. accounts.Select(a => JsonValue.Create(a))]),
            ["regions"] = new JsonArray([.. simulator.Organization.Regions.Select(r => JsonValue.Create(r))]),
        };

        var seen = (await Boto3Script.RunAsync("under_faults.py", arguments.ToJsonString())).EnumerateArray().Select(f => f.GetString()!).ToList();

        var expected = accounts.SelectMany(a => simulator.Organization.Regions.SelectMany(r =>
            simulator.GetRegion(a, r).NonCompliant.Select(f => $"{a}|{r}|{f.RuleName}|{f.ResourceId}")));
        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.True(simulator.Counters.ThrottledResponses > 0, "the run should have been throttled at least once");
        Assert.True(simulator.Counters.ErrorsInjected > 0, "the run should have met injected 5xx answers");
    }
}
