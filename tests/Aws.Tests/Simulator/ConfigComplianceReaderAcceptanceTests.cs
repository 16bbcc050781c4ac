using System.Collections.Concurrent;
using System.Globalization;
using Amazon.Runtime;
using ComplianceReport.Aws.Hosting;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ComplianceReport.Aws.Tests.Simulator;

/// <summary>
/// The issue's acceptance: against the project's AWS simulator with throttling at 1 request/s per
/// account, region and operation and 1% random 5xx, the reader's snapshots of 100 accounts x 2
/// regions equal the simulator's own data, every non-compliant finding exactly once.
/// </summary>
public sealed class ConfigComplianceReaderAcceptanceTests(ITestOutputHelper output)
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    [Fact]
    public async Task Snapshots_of_100_accounts_in_2_regions_equal_the_simulator_data_despite_throttling_and_5xx()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = 100,
            Regions = Regions,
            Seed = 48,
            ThrottleRps = 1,
            ThrottleBurst = 2,
            ErrorRate = 0.01,
            DenyAccounts = 3,
            NoConfigAccounts = 4,
            SuspendedAccounts = 3,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Organization:Regions:0"] = Regions[0],
            ["Organization:Regions:1"] = Regions[1],
            ["Aws:ServiceUrl"] = simulator.Endpoint.ToString(),
            ["Aws:MaxErrorRetry"] = "6",

            // This acceptance is about exact data under throttling and 5xx, not speed: pace at the
            // simulator's rate. Adaptive climbing at 1/s still loses regions to throttling (issue 19).
            ["Scan:MaxRequestsPerSecond"] = "1",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<AWSCredentials>(new BasicAWSCredentials(simulator.Options.HubKeyId, simulator.Options.HubSecret))
            .AddAwsAdapters(configuration);
        await using var provider = services.BuildServiceProvider();
        var discovery = provider.GetRequiredService<IOrganizationDiscovery>();
        var reader = provider.GetRequiredService<IComplianceReader>();

        output.WriteLine($"simulator started after {clock.Elapsed.TotalSeconds:F1} s");
        var accounts = await discovery.DiscoverAsync(CancellationToken.None);
        output.WriteLine($"discovered {accounts.Count} accounts after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(simulator.Organization.Accounts.Select(a => a.Id).Order(), accounts.Select(a => a.AccountId).Order());
        var started = DateTime.UtcNow;
        var snapshots = new ConcurrentBag<RegionSnapshot>();
        var denied = new ConcurrentBag<(string AccountId, ScanError Error)>();
        await Parallel.ForEachAsync(
            accounts.Where(a => a.Status == AccountStatus.Active),
            new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (account, ct) =>
            {
                try
                {
                    var regions = await Task.WhenAll(Regions.Select(region => reader.ReadRegionAsync(account.AccountId, region, ct)));
                    foreach (var snapshot in regions)
                    {
                        snapshots.Add(snapshot);
                    }
                }
                catch (ScanFailedException ex)
                {
                    denied.Add((account.AccountId, ex.Error));
                }
            });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{snapshots.Count} regions read in {(DateTime.UtcNow - started).TotalSeconds:F1} s; simulator: {simulator.Counters.TotalRequests} requests, {simulator.Counters.ThrottledResponses} throttled, {simulator.Counters.ErrorsInjected} 5xx injected"));

        var expectedDenied = simulator.Organization.Accounts.Where(a => a.IsDenied && !a.IsSuspended).Select(a => a.Id).Order().ToList();
        Assert.Equal(expectedDenied, denied.Select(d => d.AccountId).Order());
        Assert.All(denied, d => Assert.Equal(ScanErrorKind.AccessDenied, d.Error.Kind));
        Assert.All(denied, d => Assert.Equal($"role not found or not trusted: arn:aws:iam::{d.AccountId}:role/system-config-report-generator-read-role", d.Error.Message));

        var scannedAccounts = accounts.Count(a => a.Status == AccountStatus.Active) - expectedDenied.Count;
        Assert.Equal(scannedAccounts * Regions.Length, snapshots.Count);
        Assert.DoesNotContain(snapshots, s => s.Status == RegionScanStatus.Failed);
        var findings = 0;
        foreach (var snapshot in snapshots)
        {
            var expected = simulator.GetRegion(snapshot.AccountId, snapshot.Region);
            if (!expected.HasRecorder)
            {
                Assert.Equal(RegionScanStatus.ConfigNotEnabled, snapshot.Status);
                continue;
            }

            Assert.Equal(RegionScanStatus.Scanned, snapshot.Status);
            Assert.Equal(
                expected.Rules.Select(r => (r.Name, r.Compliance)).Order(),
                snapshot.Rules.Select(r => (r.RuleName, Wire(r.Compliance))).Order());
            Assert.All(snapshot.Rules, r => Assert.False(string.IsNullOrEmpty(r.SourceIdentifier), r.RuleName));
            if (snapshot.Rules.FirstOrDefault(r => r.RuleName == "restricted-ssh") is { } ssh)
            {
                Assert.Equal("INCOMING_SSH_DISABLED", ssh.SourceIdentifier);
            }

            var keys = snapshot.NonCompliant.Select(e => (e.RuleName, e.ResourceType, e.ResourceId)).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.Equal(
                expected.NonCompliant.Select(f => Describe(f.RuleName, f.ResourceType, f.ResourceId, f.ResourceName, f.Annotation, f.ResultRecordedTime, f.Tags)).Order(StringComparer.Ordinal),
                snapshot.NonCompliant.Select(e => Describe(e.RuleName, e.ResourceType, e.ResourceId, e.ResourceName, e.Annotation, e.LastEvaluated, e.Tags)).Order(StringComparer.Ordinal));
            findings += snapshot.NonCompliant.Count;
        }

        Assert.True(findings > 1000, $"only {findings} findings: the organization is too small to prove paging");
        Assert.Contains(snapshots, s => s.Status == RegionScanStatus.ConfigNotEnabled);
        Assert.True(simulator.Counters.ErrorsInjected > 0, "no 5xx was injected, so the test proved nothing about retries");
        output.WriteLine($"{findings} non-compliant findings compared after {clock.Elapsed.TotalSeconds:F1} s");

        // The floor for any reader at 1 request/s per operation: the longest same-operation chain of one region.
        var longestChain = snapshots.Max(s => s.NonCompliant.GroupBy(e => e.RuleName).Sum(g => (g.Count() + 99) / 100));
        output.WriteLine($"longest GetComplianceDetailsByConfigRule chain in one region: {longestChain} calls");
    }

    private static string Wire(ComplianceType compliance) => compliance switch
    {
        ComplianceType.Compliant => "COMPLIANT",
        ComplianceType.NonCompliant => "NON_COMPLIANT",
        ComplianceType.NotApplicable => "NOT_APPLICABLE",
        _ => "INSUFFICIENT_DATA",
    };

    private static string Describe(string rule, string type, string id, string? name, string? annotation, DateTimeOffset evaluated, IReadOnlyDictionary<string, string> tags) =>
        string.Create(CultureInfo.InvariantCulture, $"{rule}|{type}|{id}|{name}|{annotation}|{evaluated.ToUnixTimeSeconds()}|{string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}");
}
