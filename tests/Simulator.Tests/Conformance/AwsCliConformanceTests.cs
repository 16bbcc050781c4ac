using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>
/// Debian's awscli against the simulator: its auto-pagination must collect exactly the simulated
/// data, and its error reporting must show the codes AWS sends (signature, limits, throttling, 5xx).
/// </summary>
public sealed class AwsCliConformanceTests
{
    [Fact]
    public async Task Awscli_auto_pagination_collects_exactly_the_simulated_data()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 8, Seed = 3 });
        var cli = new AwsCli(simulator.Endpoint);
        var hub = Hub(simulator);
        var organization = simulator.Organization;

        var listOrg = await cli.AssumeRoleAsync(hub, simulator.ListOrgRoleArn);
        var accounts = await cli.JsonAsync(listOrg, "us-east-1", "organizations", "list-accounts");
        Assert.Equal(organization.Accounts.Select(a => a.Id), accounts.GetProperty("Accounts").EnumerateArray().Select(a => a.GetProperty("Id").GetString()));
        var smallPages = await cli.JsonAsync(listOrg, "us-east-1", "organizations", "list-accounts", "--page-size", "2");
        Assert.Equal(organization.Accounts.Count, smallPages.GetProperty("Accounts").GetArrayLength());

        var account = organization.Accounts.Where(a => !a.IsManagement)
            .OrderByDescending(a => simulator.GetRegion(a.Id, "eu-west-1").NonCompliant.Count).First();
        var expected = simulator.GetRegion(account.Id, "eu-west-1");
        var read = await cli.AssumeRoleAsync(hub, SimulatorApp.ReadRoleArn(account.Id));

        var rules = await cli.JsonAsync(read, "eu-west-1", "configservice", "describe-config-rules");
        Assert.Equal(expected.Rules.Select(r => r.Name), rules.GetProperty("ConfigRules").EnumerateArray().Select(r => r.GetProperty("ConfigRuleName").GetString()));

        // The rule with the most findings, read at the default Limit of 10 per page.
        var rule = expected.Rules.OrderByDescending(r => r.NonCompliantResources).First();
        var details = await cli.JsonAsync(read, "eu-west-1", "configservice", "get-compliance-details-by-config-rule",
            "--config-rule-name", rule.Name, "--compliance-types", "NON_COMPLIANT");
        Assert.Equal(
            expected.NonCompliant.Where(f => f.RuleName == rule.Name).Select(f => f.ResourceId).Order(StringComparer.Ordinal),
            details.GetProperty("EvaluationResults").EnumerateArray()
                .Select(e => e.GetProperty("EvaluationResultIdentifier").GetProperty("EvaluationResultQualifier").GetProperty("ResourceId").GetString()!)
                .Order(StringComparer.Ordinal));

        var finding = expected.NonCompliant[0];
        var items = await cli.JsonAsync(read, "eu-west-1", "configservice", "batch-get-resource-config",
            "--resource-keys", $"resourceType={finding.ResourceType},resourceId={finding.ResourceId}");
        Assert.Equal(finding.ResourceName, items.GetProperty("baseConfigurationItems")[0].GetProperty("resourceName").GetString());

        var recorders = await cli.JsonAsync(read, "eu-west-1", "configservice", "describe-configuration-recorder-status");
        Assert.Equal("default", recorders.GetProperty("ConfigurationRecordersStatus")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Awscli_reports_the_error_codes_AWS_sends()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3, Seed = 5 });
        var cli = new AwsCli(simulator.Endpoint);
        var hub = Hub(simulator);

        await AssertFailsWithAsync(cli, (hub.KeyId, hub.Secret + "wrong", null), "us-east-1", "SignatureDoesNotMatch", "sts", "get-caller-identity");
        await AssertFailsWithAsync(cli, ("AKIANOSUCHKEY0000000", hub.Secret, null), "us-east-1", "InvalidClientTokenId", "sts", "get-caller-identity");
        await AssertFailsWithAsync(cli, ("AKIANOSUCHKEY0000000", hub.Secret, null), "us-east-1", "UnrecognizedClientException", "configservice", "describe-config-rules");

        var account = simulator.Organization.Accounts[1];
        var read = await cli.AssumeRoleAsync(hub, SimulatorApp.ReadRoleArn(account.Id));
        var rule = simulator.GetRegion(account.Id, "us-east-1").Rules[0].Name;
        await AssertFailsWithAsync(cli, read, "us-east-1", "InvalidParameterValueException",
            "configservice", "get-compliance-details-by-config-rule", "--config-rule-name", rule, "--page-size", "101");
        await AssertFailsWithAsync(cli, (read.KeyId, read.Secret, null), "us-east-1", "UnrecognizedClientException", "configservice", "describe-config-rules");
    }

    [Fact]
    public async Task Awscli_sees_throttling_and_injected_server_errors()
    {
        await using (var throttled = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3, ThrottleRps = 0.001, ThrottleBurst = 1 }))
        {
            var cli = new AwsCli(throttled.Endpoint);
            var read = await cli.AssumeRoleAsync(Hub(throttled), SimulatorApp.ReadRoleArn(throttled.Organization.Accounts[1].Id));
            await cli.JsonAsync(read, "us-east-1", "configservice", "describe-configuration-recorder-status");
            await AssertFailsWithAsync(cli, read, "us-east-1", "ThrottlingException", "configservice", "describe-configuration-recorder-status");
            // Another region is another bucket.
            await cli.JsonAsync(read, "eu-west-1", "configservice", "describe-configuration-recorder-status");

            var listOrg = await cli.AssumeRoleAsync(Hub(throttled), throttled.ListOrgRoleArn);
            await cli.JsonAsync(listOrg, "us-east-1", "organizations", "describe-organization");
            await AssertFailsWithAsync(cli, listOrg, "us-east-1", "TooManyRequestsException", "organizations", "describe-organization");
            Assert.Equal(2, throttled.Counters.ThrottledResponses);
        }

        await using var failing = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3, ErrorRate = 1 });
        var (exitCode, _, stderr) = await new AwsCli(failing.Endpoint).RunAsync(Hub(failing), "us-east-1", "sts", "get-caller-identity");
        Assert.NotEqual(0, exitCode);
        Assert.True(stderr.Contains("InternalFailure", StringComparison.Ordinal) || stderr.Contains("ServiceUnavailable", StringComparison.Ordinal), stderr);
        Assert.Equal(1, failing.Counters.ErrorsInjected);
    }

    private static (string KeyId, string Secret, string? Token) Hub(SimulatorApp simulator) =>
        (simulator.Options.HubKeyId, simulator.Options.HubSecret, null);

    private static async Task AssertFailsWithAsync(
        AwsCli cli, (string KeyId, string Secret, string? Token) credentials, string region, string code, params string[] arguments)
    {
        var (exitCode, _, stderr) = await cli.RunAsync(credentials, region, arguments);
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"({code})", stderr, StringComparison.Ordinal);
    }
}
