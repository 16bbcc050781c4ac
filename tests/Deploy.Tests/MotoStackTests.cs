using System.Text.Json.Nodes;
using ComplianceReport.Deploy.Tests.Support;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Deploy.Tests;

/// <summary>
/// The three templates deployed with the AWS CLI to moto_server's CloudFormation, each in its own
/// account as in a real organization. moto ignores some resource types (bucket policy, secret,
/// security group egress) and some properties (PITR, versioning); the template tests cover those.
/// </summary>
public sealed class MotoStackTests : IClassFixture<MotoServer>
{
    private const string ManagementAccount = "222222222222";
    private const string SpokeAccount = "333333333333";
    private const string AggregatorAccount = "555555555555";
    private const string OrganizationId = "o-abcdefghij";

    private readonly MotoServer _moto;

    public MotoStackTests(MotoServer moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Hub_management_and_spoke_stacks_create_the_roles_tables_and_bucket()
    {
        await _moto.ResetAsync();
        var hub = new AwsCli(_moto.Endpoint);
        var hubAccount = (string)(await hub.RunAsync("sts", "get-caller-identity"))["Account"]!;
        var subnets = (await hub.RunAsync("ec2", "describe-subnets"))["Subnets"]!.AsArray().Take(2).Select(s => (string)s!["SubnetId"]!).ToList();
        var vpc = (string)(await hub.RunAsync("ec2", "describe-vpcs"))["Vpcs"]![0]!["VpcId"]!;

        var hubOutputs = await hub.CreateStackAsync("compliance-report-hub", "hub.yaml", new Dictionary<string, string>
        {
            ["VpcId"] = vpc,
            ["SubnetIds"] = string.Join(',', subnets),
            ["SiloImage"] = $"{hubAccount}.dkr.ecr.us-east-1.amazonaws.com/compliance-report/silo:1.0.0",
            ["ClientImage"] = $"{hubAccount}.dkr.ecr.us-east-1.amazonaws.com/compliance-report/cli:1.0.0",
            ["ManagementAccountId"] = ManagementAccount,
            ["OrganizationId"] = OrganizationId,
            ["Regions"] = "us-east-1,eu-west-1",
            ["JiraBaseUrl"] = "https://example.atlassian.net",
            ["JiraProjectKey"] = "SEC",
            ["JiraEmail"] = "security@example.com",
            ["JiraApiToken"] = "not-a-real-token",
        });
        var writeRoleArn = $"arn:aws:iam::{hubAccount}:role/system-config-report-generator-write-role";
        Assert.Equal(writeRoleArn, hubOutputs["WriteRoleArn"]);

        var writeRole = (await hub.RunAsync("iam", "get-role", "--role-name", "system-config-report-generator-write-role"))["Role"]!;
        Assert.Equal("ecs-tasks.amazonaws.com", (string?)writeRole["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]);

        foreach (var (table, hashKey) in new[] { ("membership", "ClusterId"), ("grainstate", "GrainKey"), ("reminders", "ServiceId") })
        {
            var description = (await hub.RunAsync("dynamodb", "describe-table", "--table-name", $"compliance-report-{table}"))["Table"]!;
            Assert.Equal(hashKey, (string?)description["KeySchema"]![0]!["AttributeName"]);
            Assert.Equal("PAY_PER_REQUEST", (string?)description["BillingModeSummary"]?["BillingMode"] ?? "PAY_PER_REQUEST");
        }

        var bucket = hubOutputs["ReportBucketName"];
        Assert.Equal($"compliance-report-reports-{hubAccount}-us-east-1", bucket);
        var encryption = await hub.RunAsync("s3api", "get-bucket-encryption", "--bucket", bucket);
        Assert.Equal("aws:kms", (string?)encryption["ServerSideEncryptionConfiguration"]!["Rules"]![0]!["ApplyServerSideEncryptionByDefault"]!["SSEAlgorithm"]);

        var service = (await hub.RunAsync("ecs", "describe-services", "--cluster", hubOutputs["ClusterName"], "--services", hubOutputs["ServiceName"]))["services"]![0]!;
        Assert.Equal(2, (int)service["desiredCount"]!);

        // The optional scale-to-zero stack, from the hub stack's outputs as the README says (moto
        // creates its role; it has no EventBridge Scheduler resources, ScaleToZeroTemplateTests check those).
        await hub.CreateStackAsync("compliance-report-scale-to-zero", "scale-to-zero.yaml", new Dictionary<string, string>
        {
            ["ClusterName"] = hubOutputs["ClusterName"],
            ["ServiceName"] = hubOutputs["ServiceName"],
        });
        var schedulerRole = (await hub.RunAsync("iam", "get-role", "--role-name", $"{hubOutputs["ServiceName"]}-scale-to-zero-role"))["Role"]!;
        Assert.Equal("scheduler.amazonaws.com", (string?)schedulerRole["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]);
        // moto answers the inline policy as a Python literal (single quotes), AWS as JSON.
        var inline = (await hub.RunAsync("iam", "get-role-policy", "--role-name", $"{hubOutputs["ServiceName"]}-scale-to-zero-role", "--policy-name", "set-silo-count"))["PolicyDocument"]!;
        var setCount = (inline is JsonValue text ? JsonNode.Parse(((string)text!).Replace('\'', '"'))! : inline)["Statement"]![0]!;
        Assert.Equal("ecs:UpdateService", (string?)setCount["Action"]);
        Assert.Equal((string?)service["serviceArn"], (string?)setCount["Resource"]);

        var management = await hub.InAccountAsync(ManagementAccount);
        await management.CreateStackAsync("compliance-report-management", "management.yaml", new Dictionary<string, string>
        {
            ["HubAccountId"] = hubAccount,
            ["OrganizationId"] = OrganizationId,
        });
        var listOrg = (await management.RunAsync("iam", "get-role", "--role-name", "system-config-report-generator-list-org-role"))["Role"]!;
        Assert.Equal($"arn:aws:iam::{ManagementAccount}:role/system-config-report-generator-list-org-role", (string?)listOrg["Arn"]);
        var listOrgTrust = listOrg["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        Assert.Equal(writeRoleArn, (string?)listOrgTrust["Principal"]!["AWS"]);
        AssertJson(JsonNode.Parse($$$"""{"StringEquals": {"aws:PrincipalOrgID": "{{{OrganizationId}}}"}}"""), listOrgTrust["Condition"]);

        var spoke = await hub.InAccountAsync(SpokeAccount);
        await spoke.CreateStackAsync("compliance-report-spoke", "spoke.yaml", new Dictionary<string, string> { ["HubAccountId"] = hubAccount });
        var read = (await spoke.RunAsync("iam", "get-role", "--role-name", "system-config-report-generator-read-role"))["Role"]!;
        Assert.Equal($"arn:aws:iam::{SpokeAccount}:role/system-config-report-generator-read-role", (string?)read["Arn"]);
        var readTrust = read["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        Assert.Equal(writeRoleArn, (string?)readTrust["Principal"]!["AWS"]);
        Assert.Null(readTrust["Condition"]);
    }

    [Fact]
    public async Task Spoke_trust_requires_external_id_and_organization_when_given()
    {
        await _moto.ResetAsync();
        var spoke = await new AwsCli(_moto.Endpoint).InAccountAsync("444444444444");

        await spoke.CreateStackAsync("compliance-report-spoke", "spoke.yaml", new Dictionary<string, string>
        {
            ["HubAccountId"] = "111111111111",
            ["OrganizationId"] = OrganizationId,
            ["ExternalId"] = "weekly-compliance",
        });

        var trust = (await spoke.RunAsync("iam", "get-role", "--role-name", "system-config-report-generator-read-role"))["Role"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        Assert.Equal("arn:aws:iam::111111111111:role/system-config-report-generator-write-role", (string?)trust["Principal"]!["AWS"]);
        AssertJson(
            JsonNode.Parse($$$"""{"StringEquals": {"sts:ExternalId": "weekly-compliance", "aws:PrincipalOrgID": "{{{OrganizationId}}}"}}"""),
            trust["Condition"]);
    }

    [Fact]
    public async Task S3_only_hub_with_scoping_and_aggregator_source_passes_every_list_entry_and_creates_no_jira_secret()
    {
        await _moto.ResetAsync();
        var hub = new AwsCli(_moto.Endpoint);
        var hubAccount = (string)(await hub.RunAsync("sts", "get-caller-identity"))["Account"]!;
        var subnets = (await hub.RunAsync("ec2", "describe-subnets"))["Subnets"]!.AsArray().Take(2).Select(s => (string)s!["SubnetId"]!).ToList();
        var vpc = (string)(await hub.RunAsync("ec2", "describe-vpcs"))["Vpcs"]![0]!["VpcId"]!;
        string[] regions = ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2", "us-west-2", "ca-central-1"];

        // No Jira parameter at all: an S3-only deployment.
        await hub.CreateStackAsync("compliance-report-hub", "hub.yaml", new Dictionary<string, string>
        {
            ["VpcId"] = vpc,
            ["SubnetIds"] = string.Join(',', subnets),
            ["SiloImage"] = $"{hubAccount}.dkr.ecr.us-east-1.amazonaws.com/compliance-report/silo:1.0.0",
            ["ClientImage"] = $"{hubAccount}.dkr.ecr.us-east-1.amazonaws.com/compliance-report/cli:1.0.0",
            ["ManagementAccountId"] = ManagementAccount,
            ["OrganizationId"] = OrganizationId,
            ["Regions"] = string.Join(',', regions),
            ["ParentIds"] = "ou-ab12-cdef3456,r-ab12",
            ["ExcludeAccountIds"] = "123456789012",
            ["Source"] = "Aggregator",
            ["AggregatorName"] = "org-aggregator",
            ["AggregatorAccountId"] = AggregatorAccount,
            ["AggregatorRegion"] = "eu-west-1",
        });

        var families = (await hub.RunAsync("ecs", "list-task-definitions"))["taskDefinitionArns"]!.AsArray().Select(a => (string)a!);
        var silo = (await hub.RunAsync("ecs", "describe-task-definition", "--task-definition", families.Single(f => f.Contains("-silo:", StringComparison.Ordinal))))["taskDefinition"]!["containerDefinitions"]!
            .AsArray().Single(c => (string?)c!["name"] == "silo")!;
        // moto keeps an AWS::NoValue list entry as null; ECS drops it.
        var env = silo["environment"]!.AsArray().OfType<JsonObject>().ToDictionary(e => (string)e["name"]!, e => e["value"]!.ToString());

        Assert.Equal(regions, env.Where(e => e.Key.StartsWith("Organization__Regions__", StringComparison.Ordinal)).OrderBy(e => int.Parse(e.Key[23..], System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Value));
        Assert.Equal("ou-ab12-cdef3456", env["Organization__ParentIds__0"]);
        Assert.Equal("r-ab12", env["Organization__ParentIds__1"]);
        Assert.Equal("123456789012", env["Organization__ExcludeAccountIds__0"]);
        Assert.Equal(2, env.Keys.Count(k => k.StartsWith("Organization__ParentIds__", StringComparison.Ordinal)));
        Assert.Single(env.Keys, k => k.StartsWith("Organization__ExcludeAccountIds__", StringComparison.Ordinal));
        Assert.Equal("Aggregator", env["Organization__Source"]);
        Assert.Equal("org-aggregator", env["Organization__AggregatorName"]);
        Assert.Equal(AggregatorAccount, env["Organization__AggregatorAccountId"]);
        Assert.Equal("eu-west-1", env["Organization__AggregatorRegion"]);
        Assert.Equal("system-config-report-generator-aggregator-read-role", env["Organization__AggregatorRoleName"]);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("Jira__", StringComparison.Ordinal));
        Assert.Empty(silo["secrets"]?.AsArray().OfType<JsonObject>() ?? []);
        Assert.Empty((await hub.RunAsync("secretsmanager", "list-secrets"))["SecretList"]!.AsArray());

        var aggregator = await hub.InAccountAsync(AggregatorAccount);
        var outputs = await aggregator.CreateStackAsync("compliance-report-aggregator", "aggregator.yaml", new Dictionary<string, string> { ["HubAccountId"] = hubAccount });
        var roleArn = $"arn:aws:iam::{AggregatorAccount}:role/system-config-report-generator-aggregator-read-role";
        Assert.Equal(roleArn, outputs["AggregatorReadRoleArn"]);
        var role = (await aggregator.RunAsync("iam", "get-role", "--role-name", "system-config-report-generator-aggregator-read-role"))["Role"]!;
        Assert.Equal($"arn:aws:iam::{hubAccount}:role/system-config-report-generator-write-role", (string?)role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["AWS"]);

        // The hub's write role may assume exactly that role.
        var policy = (await hub.RunAsync("iam", "get-role-policy", "--role-name", "system-config-report-generator-write-role", "--policy-name", "compliance-report-generator"))["PolicyDocument"]!;
        Assert.Contains(roleArn, policy.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("role/system-config-report-generator-read-role", policy.ToJsonString(), StringComparison.Ordinal);
    }

    private static void AssertJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}
