using ComplianceReport.AwsSimulator;
using Orleans.TestingHost;

namespace ComplianceReport.Reliability.Tests.Faults;

/// <summary>
/// One in-process silo wired as production against a simulator that misbehaves in every way it
/// can at once: throttling at half the client's pace, 1% 5xx, jittered latency, latency spikes past
/// the client's request timeout, denied roles, regions without Config, truncated JSON and
/// paginators that repeat a NextToken.
/// </summary>
public class FaultyOrganizationFixture : IAsyncLifetime
{
    /// <summary>The client's own pace per account, region and operation; the simulator allows half.</summary>
    public const int ClientRequestsPerSecond = 8;

    /// <summary>The client's <c>Aws:RequestTimeout</c>; a latency spike lasts four times as long.</summary>
    public static readonly TimeSpan ClientRequestTimeout = TimeSpan.FromSeconds(1);

    public SimulatorApp Simulator { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string OutputDirectory { get; } = Directory.CreateTempSubdirectory("compliance-faults-").FullName;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorApp.StartAsync(Faults());

        Cluster = await ComplianceTestCluster.StartAsync(Settings());
    }

    public async Task DisposeAsync()
    {
        await ComplianceTestCluster.StopAsync(Cluster);
        await Simulator.DisposeAsync();
        Directory.Delete(OutputDirectory, recursive: true);
    }

    /// <summary>Every fault at once; the client paces at twice what the simulator allows.</summary>
    protected virtual SimulatorOptions Faults() => new()
    {
        Accounts = 30,
        Seed = 11,
        LatencyMs = 40,
        LatencySpikeRate = 0.02,
        LatencySpikeMs = (int)(4 * ClientRequestTimeout.TotalMilliseconds),
        ThrottleRps = ClientRequestsPerSecond / 2.0,
        ThrottleBurst = 1,
        ErrorRate = 0.01,
        DenyAccounts = 3,
        NoConfigAccounts = 3,
        SuspendedAccounts = 1,
        MalformedResponseRate = 0.01,
        RepeatedNextTokenRate = 0.02,
    };

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = Simulator.ManagementAccountId,
            ["Aws:ServiceUrl"] = Simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Aws:RequestTimeout"] = ClientRequestTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Scan:RequestsPerSecond"] = ClientRequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scan:MaxConcurrentAccounts"] = "16",
            ["Report:OutputDirectory"] = OutputDirectory,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
        };
        for (var i = 0; i < Simulator.Organization.Regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = Simulator.Organization.Regions[i];
        }

        return settings;
    }
}
