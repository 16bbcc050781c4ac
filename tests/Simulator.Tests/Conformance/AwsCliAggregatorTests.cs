using System.Text.Json;
using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>
/// Debian's awscli against the simulator's Config aggregator: its auto-pagination of
/// select-aggregate-resource-config collects exactly the organization's NON_COMPLIANT evaluations,
/// source status shows the injected faults, expressions outside the supported form are refused,
/// and a lagging aggregator serves last week's data.
/// </summary>
public sealed class AwsCliAggregatorTests
{
    private const string NonCompliantQuery =
        "SELECT accountId, awsRegion, configuration.targetResourceId, configuration.targetResourceType, configuration.configRuleList " +
        "WHERE resourceType = 'AWS::Config::ResourceCompliance' AND configuration.complianceType = 'NON_COMPLIANT'";

    [Fact]
    public async Task Awscli_select_aggregate_resource_config_collects_every_non_compliant_evaluation_of_the_covered_accounts()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = 6,
            Seed = 5,
            SuspendedAccounts = 1,
            AggregatorMissingAccounts = 1,
            AggregatorFailedSources = 1,
        });
        var cli = new AwsCli(simulator.Endpoint);
        var aggregator = await cli.AssumeRoleAsync(Hub(simulator), simulator.AggregatorRoleArn);
        var region = simulator.AggregatorRegion;

        var sources = (await cli.JsonAsync(
                aggregator, region, "configservice", "describe-configuration-aggregator-sources-status", "--configuration-aggregator-name", simulator.AggregatorName))
            .GetProperty("AggregatedSourceStatusList").EnumerateArray().ToList();
        var covered = sources.Select(s => s.GetProperty("SourceId").GetString()!).ToHashSet(StringComparer.Ordinal);
        var active = simulator.Organization.Accounts.Where(a => !a.IsSuspended).Select(a => a.Id).ToList();
        Assert.Single(active, a => !covered.Contains(a));
        Assert.Equal(covered.Count * simulator.Organization.Regions.Count, sources.Count);
        var failed = Assert.Single(sources, s => s.GetProperty("LastUpdateStatus").GetString() == "FAILED");
        Assert.Equal("AccessDeniedException", failed.GetProperty("LastErrorCode").GetString());

        // Small pages make the CLI follow NextToken many times.
        var answer = await cli.JsonAsync(
            aggregator, region, "configservice", "select-aggregate-resource-config",
            "--configuration-aggregator-name", simulator.AggregatorName, "--expression", NonCompliantQuery, "--page-size", "7");
        var actual = new List<string>();
        foreach (var result in answer.GetProperty("Results").EnumerateArray())
        {
            using var item = JsonDocument.Parse(result.GetString()!);
            var configuration = item.RootElement.GetProperty("configuration");
            foreach (var rule in configuration.GetProperty("configRuleList").EnumerateArray().Where(r => r.GetProperty("complianceType").GetString() == "NON_COMPLIANT"))
            {
                actual.Add(string.Join(
                    '|',
                    item.RootElement.GetProperty("accountId").GetString(),
                    item.RootElement.GetProperty("awsRegion").GetString(),
                    rule.GetProperty("configRuleName").GetString(),
                    configuration.GetProperty("targetResourceType").GetString(),
                    configuration.GetProperty("targetResourceId").GetString()));
            }
        }

        var expected = covered
            .SelectMany(account => simulator.Organization.Regions.Select(r => simulator.GetRegion(account, r)))
            .SelectMany(data => data.NonCompliant.Select(f => string.Join('|', data.AccountId, data.Region, f.RuleName, f.ResourceType, f.ResourceId)))
            .ToList();
        Assert.True(expected.Count > 7, $"only {expected.Count} findings: the test would not page");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

        foreach (var bad in new[]
        {
            "SELECT * WHERE resourceType = 'AWS::Config::ResourceCompliance'",
            "SELECT accountId WHERE resourceType = 'AWS::Config::ResourceCompliance' OR accountId = '123456789012'",
            "SELECT accountId WHERE resourceType = 'AWS::EC2::Instance'",
            "SELECT accountId WHERE resourceType IN ('AWS::Config::ResourceCompliance')",
            "SELECT accountId WHERE resourceType = 'AWS::Config::ResourceCompliance",
        })
        {
            var (exitCode, _, stderr) = await cli.RunAsync(
                aggregator, region, "configservice", "select-aggregate-resource-config", "--configuration-aggregator-name", simulator.AggregatorName, "--expression", bad);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("(InvalidExpressionException)", stderr, StringComparison.Ordinal);
        }

        // Only the aggregator's account and region hold it; the read role of an account may not use it.
        var (wrongRegion, _, wrongRegionError) = await cli.RunAsync(
            aggregator, simulator.Organization.Regions[1], "configservice", "select-aggregate-resource-config",
            "--configuration-aggregator-name", simulator.AggregatorName, "--expression", NonCompliantQuery);
        Assert.NotEqual(0, wrongRegion);
        Assert.Contains("(NoSuchConfigurationAggregatorException)", wrongRegionError, StringComparison.Ordinal);
        var read = await cli.AssumeRoleAsync(Hub(simulator), SimulatorApp.ReadRoleArn(active[1]));
        var (denied, _, deniedError) = await cli.RunAsync(
            read, region, "configservice", "select-aggregate-resource-config",
            "--configuration-aggregator-name", simulator.AggregatorName, "--expression", NonCompliantQuery);
        Assert.NotEqual(0, denied);
        Assert.Contains("(AccessDeniedException)", deniedError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lagging_aggregator_serves_last_weeks_evaluations()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 4, Seed = 8, AggregatorLagWeeks = 1 });
        var cli = new AwsCli(simulator.Endpoint);
        var aggregator = await cli.AssumeRoleAsync(Hub(simulator), simulator.AggregatorRoleArn);
        var account = simulator.Organization.Accounts.First(a => !a.IsManagement).Id;
        var region = simulator.AggregatorRegion;
        var lastWeek = simulator.GetRegion(account, region);
        simulator.AdvanceWeek();
        var thisWeek = simulator.GetRegion(account, region);
        var rule = lastWeek.Rules.First(r => Keys(lastWeek, r.Name).SetEquals(Keys(thisWeek, r.Name)) is false).Name;

        var answer = await cli.JsonAsync(
            aggregator, region, "configservice", "get-aggregate-compliance-details-by-config-rule",
            "--configuration-aggregator-name", simulator.AggregatorName, "--config-rule-name", rule,
            "--account-id", account, "--aws-region", region, "--compliance-type", "NON_COMPLIANT");
        var served = answer.GetProperty("AggregateEvaluationResults").EnumerateArray()
            .Select(r => r.GetProperty("EvaluationResultIdentifier").GetProperty("EvaluationResultQualifier").GetProperty("ResourceId").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(Keys(lastWeek, rule).SetEquals(served), "the aggregator did not serve last week's evaluations");
    }

    private static HashSet<string> Keys(ComplianceReport.AwsSimulator.Model.SimulatedRegion region, string rule) =>
        region.NonCompliant.Where(f => f.RuleName == rule).Select(f => f.ResourceId).ToHashSet(StringComparer.Ordinal);

    private static (string KeyId, string Secret, string? Token) Hub(SimulatorApp simulator) =>
        (simulator.Options.HubKeyId, simulator.Options.HubSecret, null);
}
