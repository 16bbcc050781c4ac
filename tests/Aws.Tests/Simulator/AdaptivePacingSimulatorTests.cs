using Amazon.Runtime;
using ComplianceReport.Aws.Hosting;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance.Diagnostics;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReport.Aws.Tests.Simulator;

/// <summary>
/// Against the simulator allowing 5 requests/s per account, region and operation, a reader that
/// starts at the default 1 request/s learns to go faster than that, reads everything exactly, and
/// tells later account-regions what it learnt.
/// </summary>
public sealed class AdaptivePacingSimulatorTests
{
    private const string Details = "GetComplianceDetailsByConfigRule";

    [Fact]
    public async Task Starting_at_1_request_per_second_the_reader_climbs_above_it_where_AWS_allows_5()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = 6,
            Regions = ["eu-west-1"],
            Seed = 19,
            ThrottleRps = 5,
            ThrottleBurst = 5,
            DenyAccounts = 0,
            NoConfigAccounts = 0,
            SuspendedAccounts = 0,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Organization:Regions:0"] = "eu-west-1",
            ["Aws:ServiceUrl"] = simulator.Endpoint.ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<AWSCredentials>(new BasicAWSCredentials(simulator.Options.HubKeyId, simulator.Options.HubSecret))
            .AddAwsAdapters(configuration);
        await using var provider = services.BuildServiceProvider();
        var reader = provider.GetRequiredService<IComplianceReader>();
        var limiter = provider.GetRequiredService<RequestRateLimiter>();

        var counters = new AwsCallCounters();
        AwsCallCounters.Current = counters;
        foreach (var account in simulator.Organization.Accounts.Where(a => a.Id != simulator.ManagementAccountId))
        {
            var snapshot = await reader.ReadRegionAsync(account.Id, "eu-west-1", CancellationToken.None);

            Assert.Equal(RegionScanStatus.Scanned, snapshot.Status);
            Assert.Equal(simulator.GetRegion(account.Id, "eu-west-1").NonCompliant.Count, snapshot.NonCompliant.Count);
        }

        var paced = counters.Operations[Details];
        Assert.True(paced.PeakRate > 1.5, $"never went faster than the starting rate: peak {paced.PeakRate}/s");
        Assert.True(paced.Throttled * 4 < paced.Answered, $"{paced.Throttled} of {paced.Answered} attempts throttled");

        // A new account-region of the operation starts from what the others learnt, not from 1/s.
        Assert.True(limiter.LearntRate(Details) > 1, $"learnt {limiter.LearntRate(Details)}/s");
    }
}
