using System.Globalization;
using Amazon.Runtime;
using ComplianceReport.AwsSimulator;

namespace ComplianceReport.SimulatedEnvironment;

/// <summary>
/// What a silo needs to know to treat the AWS simulator as its AWS: the endpoint, the organization's
/// management account, the regions and the hub key pair (the simulator's own, valid nowhere else).
/// </summary>
public sealed record SimulatorConnection(Uri Endpoint, string ManagementAccountId, IReadOnlyList<string> Regions)
{
    public static SimulatorConnection Of(SimulatorApp simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return new SimulatorConnection(simulator.Endpoint, simulator.ManagementAccountId, simulator.Options.Regions);
    }

    /// <summary>The simulator's hub identity, registered in a silo's container so nothing reads it from the environment.</summary>
    public static AWSCredentials HubCredentials() => new BasicAWSCredentials(SimulatorOptions.DefaultHubKeyId, SimulatorOptions.DefaultHubSecret);

    /// <summary>
    /// The silo's configuration keys that point it at the simulator, as an operator would point it at
    /// AWS, with a one-silo localhost cluster, memory storage and Jira in dry-run (no network).
    /// </summary>
    public Dictionary<string, string?> SiloConfiguration()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Aws:ServiceUrl"] = Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Organization:ManagementAccountId"] = ManagementAccountId,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
            ["Cluster:Clustering"] = "Localhost",
            ["Cluster:Storage"] = "Memory",
        };
        for (var i = 0; i < Regions.Count; i++)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Organization:Regions:{i}")] = Regions[i];
        }

        return settings;
    }

    /// <summary>
    /// The same for a silo started as a process: environment variables (<c>Section__Key</c>), the hub
    /// key pair through the AWS SDK's standard variables.
    /// </summary>
    public Dictionary<string, string> SiloEnvironment()
    {
        var environment = SiloConfiguration().ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value ?? string.Empty);
        environment["AWS_ACCESS_KEY_ID"] = SimulatorOptions.DefaultHubKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = SimulatorOptions.DefaultHubSecret;
        environment["AWS_REGION"] = "us-east-1";
        return environment;
    }
}
