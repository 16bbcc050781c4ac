using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// A test cluster whose organization, Config data and account tags all come from one fake, with
/// no AWS endpoint behind it (the address refuses connections) and Jira in dry run.
/// </summary>
public static class FakeOrganizationCluster
{
    public static Task<InProcessTestCluster> StartAsync<TOrganization>(TOrganization organization, string outputDirectory, IReadOnlyDictionary<string, string?>? settings = null)
        where TOrganization : class, IOrganizationDiscovery, IComplianceReader, IAccountTagReader
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = "100000000000",
            ["Organization:Regions:0"] = "us-east-1",
            ["Aws:ServiceUrl"] = "http://127.0.0.1:9",
            ["Report:OutputDirectory"] = outputDirectory,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return ComplianceTestCluster.StartAsync(configuration, silo =>
        {
            silo.Services.AddSingleton<IOrganizationDiscovery>(organization);
            silo.Services.AddSingleton<IComplianceReader>(organization);
            silo.Services.AddSingleton<IAccountTagReader>(organization);
        });
    }
}
