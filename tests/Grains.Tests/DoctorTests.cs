using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using ComplianceReport.AwsSimulator;
using ComplianceReport.DynamoDb;
using ComplianceReport.JiraListener;
using ComplianceReport.SimulatedEnvironment;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// <c>doctor</c> as an operator runs it before the first Monday: the built CLI against the AWS
/// simulator (STS, Organizations, Config), moto (S3, DynamoDB) and the Jira listener.
/// </summary>
public sealed class DoctorTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string JiraEmail = "report-bot@example.com";
    private const string JiraToken = "doctor-jira-token";

    [Fact]
    public async Task Denied_roles_missing_recorders_a_missing_bucket_and_a_wrong_jira_token_fail_exactly_their_rows()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 12, DenyAccounts = 2, NoConfigAccounts = 2, Seed = 5 });
        await using var jira = new FakeJira(3, Authorization(JiraToken));
        await CreateTablesAsync("doctor-faults");
        var environment = Environment(simulator, jira, "doctor-missing-bucket", "doctor-faults", jiraToken: "not-the-token");

        var result = await DemoProcess.RunCliAsync(environment, "doctor", "-o", "json");

        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        var checks = Checks(result.Output);
        var denied = simulator.Organization.Accounts.Where(a => a.IsDenied).Select(a => "read role " + a.Id);
        var noRecorder = simulator.Organization.Accounts.Where(a => a.RegionWithoutRecorder is not null && !a.IsDenied).Select(a => "read role " + a.Id);
        Assert.Equal(
            denied.Concat(noRecorder).Append("S3 bucket").Append("Jira").Order(StringComparer.Ordinal),
            checks.Where(c => c.Status == "Failed").Select(c => c.Check).Order(StringComparer.Ordinal));
        Assert.Equal(4, checks.Count(c => c.Status == "Failed" && c.Check.StartsWith("read role ", StringComparison.Ordinal)));
        Assert.All(checks.Where(c => c.Status == "Failed"), c => Assert.False(string.IsNullOrWhiteSpace(c.Fix), c.Check + " has no fix"));
        Assert.Contains("does not exist", checks.Single(c => c.Check == "S3 bucket").Detail, StringComparison.Ordinal);
        Assert.Contains("rejected the credentials (401)", checks.Single(c => c.Check == "Jira").Detail, StringComparison.Ordinal);
        Assert.Contains(checks, c => c.Check == "DynamoDB tables" && c.Status == "Passed");
        Assert.DoesNotContain("not-the-token", result.Output + result.Error, StringComparison.Ordinal);

        // As a table, each failed row's fix is printed in full below it.
        var table = await DemoProcess.RunCliAsync(environment, "doctor");
        Assert.Equal(1, table.ExitCode);
        Assert.Contains($"6 of {checks.Count} checks failed.", table.Output, StringComparison.Ordinal);
        Assert.Contains("  Jira: " + checks.Single(c => c.Check == "Jira").Fix, table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_deployment_passes_every_check_leaves_no_probe_behind_and_can_sample_accounts()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 6, Seed = 6 });
        await using var jira = new FakeJira(3, Authorization(JiraToken));
        await CreateTablesAsync("doctor-healthy");
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await s3.PutBucketAsync("doctor-healthy-reports");
        var environment = Environment(simulator, jira, "doctor-healthy-reports", "doctor-healthy", JiraToken);

        var table = await DemoProcess.RunCliAsync(environment, "doctor");
        var json = await DemoProcess.RunCliAsync(environment, "doctor", "--sample", "3", "-o", "json");

        Assert.True(table.ExitCode == 0, table.Output + table.Error);
        Assert.Matches(@"All \d+ checks passed\.", table.Output);
        Assert.DoesNotContain("To fix:", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        var checks = Checks(json.Output);
        Assert.All(checks, c => Assert.Equal("Passed", c.Status));
        Assert.Equal(3, checks.Count(c => c.Check.StartsWith("read role ", StringComparison.Ordinal)));
        Assert.Contains("authenticated as Compliance Report Bot", checks.Single(c => c.Check == "Jira").Detail, StringComparison.Ordinal);
        Assert.Empty((await s3.ListObjectsV2Async(new() { BucketName = "doctor-healthy-reports" })).S3Objects ?? []);
    }

    private static string Authorization(string token) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraEmail}:{token}"));

    private Dictionary<string, string> Environment(SimulatorApp simulator, FakeJira jira, string bucket, string tablePrefix, string jiraToken)
    {
        // The silo's own keys for the simulator, then what a deployment adds: moto's S3 and
        // DynamoDB, the bucket, the DynamoDB cluster and a real (listening) Jira.
        var environment = SimulatorConnection.Of(simulator).SiloEnvironment();
        environment["AWS_ENDPOINT_URL_S3"] = moto.Endpoint;
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = moto.Endpoint;
        environment["Report__S3Bucket"] = bucket;
        environment["Report__S3Region"] = "us-east-1";
        environment["Cluster__Clustering"] = "DynamoDB";
        environment["Cluster__Storage"] = "DynamoDB";
        environment["Cluster__TablePrefix"] = tablePrefix;
        environment["Jira__DryRun"] = "false";
        environment["Jira__BaseUrl"] = jira.BaseUrl;
        environment["Jira__ProjectKey"] = jira.ProjectKey;
        environment["Jira__Email"] = JiraEmail;
        environment["Jira__ApiToken"] = jiraToken;
        environment["Jira__RequestTimeout"] = "00:00:10";
        return environment;
    }

    // Doctor only asks whether the tables exist and are ACTIVE; the silos create their real schema.
    private async Task CreateTablesAsync(string prefix)
    {
        using var dynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = moto.Endpoint, AuthenticationRegion = "us-east-1" });
        var names = DynamoDbTableNames.For(prefix);
        foreach (var name in new[] { names.Membership, names.GrainState, names.Reminders })
        {
            await dynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = name,
                KeySchema = [new KeySchemaElement("PartitionKey", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("PartitionKey", ScalarAttributeType.S)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
        }
    }

    private static List<(string Check, string Status, string Detail, string? Fix)> Checks(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("checks").EnumerateArray().Select(c => (
            c.GetProperty("check").GetString()!,
            c.GetProperty("status").GetString()!,
            c.GetProperty("detail").GetString()!,
            c.TryGetProperty("fix", out var fix) && fix.ValueKind == JsonValueKind.String ? fix.GetString() : null))];
    }
}
