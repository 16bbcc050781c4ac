using System.Text.Json.Nodes;
using ComplianceReport.Deploy.Tests.Support;
using static ComplianceReport.Deploy.Tests.Support.PolicyDocument;

namespace ComplianceReport.Deploy.Tests;

/// <summary>hub.yaml: tables, bucket, key, secret, network and the Fargate service.</summary>
public sealed class HubTemplateTests
{
    private static readonly CfnTemplate Hub = CfnTemplate.Load("hub.yaml");

    public static TheoryData<string, string> Tables => new()
    {
        { "MembershipTable", "${TablePrefix}-membership" },
        { "GrainStateTable", "${TablePrefix}-grainstate" },
        { "RemindersTable", "${TablePrefix}-reminders" },
    };

    private static JsonNode Sub(string text) => new JsonObject { ["Fn::Sub"] = text };

    private static JsonNode Ref(string name) => new JsonObject { ["Ref"] = name };

    private static void AssertJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");

    private static JsonObject SiloContainer() =>
        Hub.Properties("SiloTaskDefinition")["ContainerDefinitions"]!.AsArray().Single(c => (string?)c!["Name"] == "silo")!.AsObject();

    private static JsonObject Conditions => Hub.Root["Conditions"]!.AsObject();

    /// <summary>The silo's environment entries written as <c>!If [Cond, {Name, Value}, !Ref AWS::NoValue]</c>.</summary>
    private static List<(string Name, JsonNode? Value, string Condition)> ConditionalEnvironment() =>
        SiloContainer()["Environment"]!.AsArray()
            .OfType<JsonObject>()
            .Where(e => e["Fn::If"] is JsonArray)
            .Select(e => e["Fn::If"]!.AsArray())
            .Select(b => ((string)b[1]!["Name"]!, b[1]!["Value"], (string)b[0]!))
            .ToList();

    private static Dictionary<string, JsonNode?> Environment(JsonObject container) =>
        container["Environment"]!.AsArray()
            .OfType<JsonObject>()
            .Where(e => e.ContainsKey("Name"))
            .ToDictionary(e => (string)e["Name"]!, e => e["Value"]);

    [Theory]
    [MemberData(nameof(Tables))]
    public void Orleans_table_has_its_name_point_in_time_recovery_and_encryption(string logicalId, string name)
    {
        var resource = Hub.Resource(logicalId);
        var table = Hub.Properties(logicalId);

        Assert.Equal("AWS::DynamoDB::Table", (string?)resource["Type"]);
        AssertJson(Sub(name), table["TableName"]);
        Assert.True((bool)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.True((bool)table["SSESpecification"]!["SSEEnabled"]!);
        Assert.Equal("KMS", (string?)table["SSESpecification"]!["SSEType"]);
        Assert.Equal("PAY_PER_REQUEST", (string?)table["BillingMode"]);
        // Run history and reminders must survive a stack mistake.
        Assert.Equal("Retain", (string?)resource["DeletionPolicy"]);
    }

    [Fact]
    public void Reminders_table_serves_hash_ranges_from_its_key_without_an_index()
    {
        var reminders = Hub.Properties("RemindersTable");

        AssertJson(JsonNode.Parse("""[{"AttributeName": "ServiceId", "KeyType": "HASH"}, {"AttributeName": "ReminderKey", "KeyType": "RANGE"}]"""), reminders["KeySchema"]);
        Assert.False(reminders.ContainsKey("GlobalSecondaryIndexes"));
    }

    [Fact]
    public void Silo_and_cli_never_create_tables_the_stack_owns()
    {
        var cli = Hub.Properties("CliTaskDefinition")["ContainerDefinitions"]![0]!.AsObject();

        Assert.Equal("false", (string?)Environment(SiloContainer())["Cluster__CreateTables"]);
        Assert.Equal("false", (string?)Environment(cli)["Cluster__CreateTables"]);
        Assert.Equal("DynamoDB", (string?)Environment(cli)["Cluster__Clustering"]);
        AssertJson(Ref("TablePrefix"), Environment(cli)["Cluster__TablePrefix"]);
    }

    [Fact]
    public void Report_bucket_is_versioned_kms_encrypted_private_and_has_lifecycle_rules()
    {
        var bucket = Hub.Properties("ReportBucket");

        Assert.Equal("Enabled", (string?)bucket["VersioningConfiguration"]!["Status"]);
        var sse = bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!;
        Assert.Equal("aws:kms", (string?)sse["SSEAlgorithm"]);
        AssertJson(JsonNode.Parse("""{"Fn::GetAtt": ["Key", "Arn"]}"""), sse["KMSMasterKeyID"]);
        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();
        Assert.Equal(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], block.Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.All(block, b => Assert.True((bool)b.Value!));
        Assert.Equal("BucketOwnerEnforced", (string?)bucket["OwnershipControls"]!["Rules"]![0]!["ObjectOwnership"]);

        var rules = bucket["LifecycleConfiguration"]!["Rules"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.All(rules, r => Assert.Equal("Enabled", (string?)r["Status"]));
        Assert.Contains(rules, r => r.ContainsKey("ExpirationInDays"));
        Assert.Contains(rules, r => r.ContainsKey("NoncurrentVersionExpiration"));
        Assert.Contains(rules, r => r.ContainsKey("AbortIncompleteMultipartUpload"));
    }

    [Fact]
    public void Bucket_policy_denies_every_request_without_tls_on_the_bucket_and_its_objects()
    {
        var policy = Hub.Properties("ReportBucketPolicy");
        AssertJson(Ref("ReportBucket"), policy["Bucket"]);

        var deny = StatementWithSid(Statements(policy["PolicyDocument"]), "DenyInsecureTransport");
        Assert.Equal("Deny", (string?)deny["Effect"]);
        Assert.Equal("*", (string?)deny["Principal"]);
        Assert.Equal(["s3:*"], Actions(deny));
        AssertJson(JsonNode.Parse("""{"Bool": {"aws:SecureTransport": "false"}}"""), deny["Condition"]);
        AssertJson(JsonNode.Parse("""[{"Fn::GetAtt": ["ReportBucket", "Arn"]}, {"Fn::Sub": "${ReportBucket.Arn}/*"}]"""), deny["Resource"]);
        Assert.All(Statements(policy["PolicyDocument"]), s => Assert.Equal("Deny", (string?)s["Effect"]));
    }

    [Fact]
    public void Key_rotates_and_only_the_account_and_this_log_group_may_use_it()
    {
        var key = Hub.Properties("Key");
        Assert.True((bool)key["EnableKeyRotation"]!);

        var statements = Statements(key["KeyPolicy"]);
        var root = StatementWithSid(statements, "EnableIamPolicies");
        AssertJson(JsonNode.Parse("""{"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}}"""), root["Principal"]);
        var logs = StatementWithSid(statements, "AllowCloudWatchLogsForThisLogGroup");
        Assert.DoesNotContain(Actions(logs), a => a.Contains('*', StringComparison.Ordinal));
        Assert.NotNull(logs["Condition"]!["ArnEquals"]!["kms:EncryptionContext:aws:logs:arn"]);
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void Service_runs_at_least_two_fargate_tasks_across_the_given_subnets_without_public_ips()
    {
        var service = Hub.Properties("SiloService");
        var desired = Hub.Parameters["DesiredCount"]!;

        AssertJson(Ref("DesiredCount"), service["DesiredCount"]);
        Assert.True((long)desired["Default"]! >= 2);
        Assert.True((long)desired["MinValue"]! >= 2);
        Assert.Equal("FARGATE", (string?)service["LaunchType"]);
        var network = service["NetworkConfiguration"]!["AwsvpcConfiguration"]!;
        AssertJson(Ref("SubnetIds"), network["Subnets"]);
        Assert.Equal("List<AWS::EC2::Subnet::Id>", (string?)Hub.Parameters["SubnetIds"]!["Type"]);
        Assert.Equal("DISABLED", (string?)network["AssignPublicIp"]);
        // New silos join before old ones leave, so a deployment never halves the cluster.
        Assert.True((long)service["DeploymentConfiguration"]!["MinimumHealthyPercent"]! >= 100);
    }

    [Fact]
    public void Task_definition_has_the_adot_sidecar_and_the_roles()
    {
        var task = Hub.Properties("SiloTaskDefinition");
        var containers = task["ContainerDefinitions"]!.AsArray().Select(c => c!.AsObject()).ToList();

        Assert.Equal(["adot-collector", "silo"], containers.Select(c => (string)c["Name"]!).Order(StringComparer.Ordinal));
        var adot = containers.Single(c => (string?)c["Name"] == "adot-collector");
        AssertJson(Ref("AdotCollectorImage"), adot["Image"]);
        Assert.StartsWith("public.ecr.aws/aws-observability/aws-otel-collector:v", (string?)Hub.Parameters["AdotCollectorImage"]!["Default"]);
        Assert.Contains("awsxray", adot["Environment"]![0]!["Value"]!["Fn::Sub"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:4317", (string?)Environment(SiloContainer())["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        Assert.Equal(["FARGATE"], task["RequiresCompatibilities"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("awsvpc", (string?)task["NetworkMode"]);
        AssertJson(JsonNode.Parse("""{"Fn::GetAtt": ["ExecutionRole", "Arn"]}"""), task["ExecutionRoleArn"]);
    }

    [Fact]
    public void Jira_token_reaches_the_silo_only_as_a_secrets_manager_secret_and_only_when_given()
    {
        var silo = SiloContainer();
        var secrets = silo["Secrets"]!["Fn::If"]!.AsArray();
        var secret = Assert.Single(secrets[1]!.AsArray())!;

        Assert.Equal("HasJiraToken", (string?)secrets[0]);
        AssertJson(Ref("AWS::NoValue"), secrets[2]);
        Assert.Equal("Jira__ApiToken", (string?)secret["Name"]);
        AssertJson(Ref("JiraApiTokenSecret"), secret["ValueFrom"]);
        Assert.DoesNotContain("Jira__ApiToken", Environment(silo).Keys);
        Assert.Equal("HasJiraToken", (string?)Hub.Resource("JiraApiTokenSecret")["Condition"]);
        AssertJson(Ref("JiraApiToken"), Hub.Properties("JiraApiTokenSecret")["SecretString"]);
        AssertJson(Ref("Key"), Hub.Properties("JiraApiTokenSecret")["KmsKeyId"]);
        Assert.True((bool)Hub.Parameters["JiraApiToken"]!["NoEcho"]!);
        AssertJson(JsonNode.Parse("""{"Fn::Not": [{"Fn::Equals": [{"Ref": "JiraApiToken"}, ""]}]}"""), Conditions["HasJiraToken"]);
    }

    [Fact]
    public void Jira_is_optional_and_its_keys_reach_the_silo_only_when_jira_is_used()
    {
        foreach (var name in new[] { "JiraBaseUrl", "JiraProjectKey", "JiraEmail", "JiraApiToken" })
        {
            Assert.Equal("", (string?)Hub.Parameters[name]!["Default"]);
        }

        // The code's Jira:Enabled: a site URL or a dry run. Without both, no Jira key is set at all.
        AssertJson(JsonNode.Parse("""{"Fn::Or": [{"Condition": "HasJiraUrl"}, {"Condition": "IsJiraDryRun"}]}"""), Conditions["UsesJira"]);
        var jira = ConditionalEnvironment().Where(e => e.Name.StartsWith("Jira__", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Jira__ApiVersion", "Jira__BaseUrl", "Jira__DryRun", "Jira__Email", "Jira__IssueType", "Jira__ProjectKey"], jira.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(jira, e => Assert.Equal(e.Name == "Jira__BaseUrl" ? "HasJiraUrl" : "UsesJira", e.Condition));
        Assert.DoesNotContain(Environment(SiloContainer()).Keys, k => k.StartsWith("Jira__", StringComparison.Ordinal));

        // The combinations the silo's validator would reject stop the deployment instead.
        var rules = Hub.Root["Rules"]!.AsObject();
        Assert.Contains("Jira:ApiToken", rules["JiraSiteNeedsProjectAndToken"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Jira:ProjectKey", rules["JiraDryRunNeedsProject"]!.ToJsonString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, int> Lists => new()
    {
        { "Regions", "R", "Organization__Regions__", 36 },
        { "ParentIds", "P", "Organization__ParentIds__", 5 },
        { "ExcludeAccountIds", "X", "Organization__ExcludeAccountIds__", 15 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void List_parameter_reaches_the_silo_as_indexed_keys_one_slot_per_entry(string parameter, string slot, string key, int slots)
    {
        // The silo binds lists from indexed keys only (OrganizationOptions' List<string>), so entry i
        // of the comma-separated parameter must arrive as <key>i, and only when it exists.
        var entries = ConditionalEnvironment().Where(e => e.Name.StartsWith(key, StringComparison.Ordinal)).ToList();
        var always = Environment(SiloContainer()).Where(e => e.Key.StartsWith(key, StringComparison.Ordinal)).ToList();
        Assert.Equal(slots, entries.Count + always.Count);

        for (var i = 0; i < slots; i++)
        {
            var select = JsonNode.Parse($$"""{"Fn::Select": [{{i}}, {"Fn::Split": [",", {"Ref": "{{parameter}}"}]}]}""");
            if (i == 0 && parameter == "Regions")
            {
                // At least one region is required, so the first has no condition.
                AssertJson(select, Assert.Single(always).Value);
                continue;
            }

            // Entry i of the list padded with empty entries: in range whatever the list's length.
            var padded = JsonNode.Parse($$"""{"Fn::Select": [{{i}}, {"Fn::Split": [",", {"Fn::Sub": "${{{parameter}}}{{new string(',', i + 1)}}"}]}]}""")!;
            var entry = Assert.Single(entries, e => e.Name == key + i);
            Assert.Equal($"Has{slot}{i}", entry.Condition);
            AssertJson(padded, entry.Value);
            AssertJson(JsonNode.Parse($$"""{"Fn::Not": [{"Fn::Equals": ["", {{padded.ToJsonString()}}]}]}"""), Conditions[entry.Condition]);
        }

        // The parameter refuses a list longer than its slots instead of dropping the rest.
        var pattern = (string)Hub.Parameters[parameter]!["AllowedPattern"]!;
        Assert.Equal("String", (string?)Hub.Parameters[parameter]!["Type"]);
        Assert.EndsWith($"{{0,{slots - 1}}}$", pattern, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Regions", "us-east-1", true)]
    [InlineData("Regions", "us-east-1,eu-west-1,ap-southeast-7,mx-central-1,us-gov-west-1,cn-north-1", true)]
    [InlineData("Regions", "us-east-1, eu-west-1", false)]
    [InlineData("Regions", "", false)]
    [InlineData("Regions", "us-east-1,", false)]
    [InlineData("ParentIds", "", true)]
    [InlineData("ParentIds", "ou-ab12-cdef3456,ou-ab12-11112222", true)]
    [InlineData("ParentIds", "r-ab12", true)]
    [InlineData("ParentIds", "ou-ab12", false)]
    [InlineData("ExcludeAccountIds", "", true)]
    [InlineData("ExcludeAccountIds", "123456789012", true)]
    [InlineData("ExcludeAccountIds", "12345678901", false)]
    [InlineData("AggregatorAccountId", "", true)]
    [InlineData("AggregatorRegion", "eu-west-1", true)]
    [InlineData("AggregatorName", "aws-controltower-GuardrailsComplianceAggregator", true)]
    [InlineData("AggregatorName", "has space", false)]
    [InlineData("JiraBaseUrl", "", true)]
    [InlineData("JiraBaseUrl", "http://jira.example.com", false)]
    [InlineData("JiraProjectKey", "SEC", true)]
    [InlineData("JiraProjectKey", "sec", false)]
    public void Parameter_patterns_accept_what_the_silo_accepts_and_refuse_the_rest(string parameter, string value, bool accepted)
    {
        // CloudFormation matches AllowedPattern against the whole value.
        var pattern = (string)Hub.Parameters[parameter]!["AllowedPattern"]!;
        Assert.Equal(accepted, System.Text.RegularExpressions.Regex.IsMatch(value, $"^(?:{pattern})$"));
    }

    [Theory]
    [InlineData("Regions", "us-east-1", 36)]
    [InlineData("ParentIds", "ou-ab12-cdef3456", 5)]
    [InlineData("ExcludeAccountIds", "123456789012", 15)]
    public void List_parameter_takes_as_many_entries_as_it_has_slots_and_no_more(string parameter, string entry, int slots)
    {
        var pattern = $"^(?:{(string)Hub.Parameters[parameter]!["AllowedPattern"]!})$";
        Assert.Matches(pattern, string.Join(',', Enumerable.Repeat(entry, slots)));
        Assert.DoesNotMatch(pattern, string.Join(',', Enumerable.Repeat(entry, slots + 1)));
    }

    [Fact]
    public void Aggregator_source_keys_reach_the_silo_only_with_source_aggregator()
    {
        AssertJson(Ref("Source"), Environment(SiloContainer())["Organization__Source"]);
        Assert.Equal(["AssumeRole", "Aggregator"], Hub.Parameters["Source"]!["AllowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("AssumeRole", (string?)Hub.Parameters["Source"]!["Default"]);

        var aggregator = ConditionalEnvironment().Where(e => e.Name.StartsWith("Organization__Aggregator", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["Organization__AggregatorAccountId", "Organization__AggregatorName", "Organization__AggregatorRegion", "Organization__AggregatorRoleName"],
            aggregator.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(aggregator, e =>
        {
            Assert.Equal("UsesAggregator", e.Condition);
            AssertJson(Ref(e.Name["Organization__".Length..]), e.Value);
        });
    }

    [Fact]
    public void Every_configuration_variable_the_tasks_get_is_a_key_the_code_binds()
    {
        var cli = Hub.Properties("CliTaskDefinition")["ContainerDefinitions"]![0]!.AsObject();
        var names = Environment(SiloContainer()).Keys
            .Concat(ConditionalEnvironment().Select(e => e.Name))
            .Concat(Environment(cli).Keys)
            .Where(n => n.Contains("__", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("Organization__ParentIds__4", names);

        var unknown = names.Where(n => !CodeConfigurationKeys.Binds(n)).ToList();
        Assert.True(unknown.Count == 0, "hub.yaml sets variables no options class binds: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Template_fits_cloudformation_inline_template_limit()
    {
        // aws cloudformation deploy without --s3-bucket sends the body inline: at most 51,200 bytes.
        Assert.True(new FileInfo(RepoPaths.Template("hub.yaml")).Length <= 51_200, "hub.yaml is over 51,200 bytes");
    }

    [Fact]
    public void Collector_indexes_the_account_and_region_of_scan_spans_for_x_ray()
    {
        var adot = Hub.Properties("SiloTaskDefinition")["ContainerDefinitions"]!.AsArray().Single(c => (string?)c!["Name"] == "adot-collector")!;
        var text = (string)adot["Environment"]!.AsArray().Single(e => (string?)e!["Name"] == "AOT_CONFIG_CONTENT")!["Value"]!["Fn::Sub"]!;
        var config = new YamlDotNet.RepresentationModel.YamlStream();
        config.Load(new StringReader(text));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)config.Documents[0].RootNode;

        YamlDotNet.RepresentationModel.YamlNode At(params string[] path) =>
            path.Aggregate<string, YamlDotNet.RepresentationModel.YamlNode>(root, (node, key) => ((YamlDotNet.RepresentationModel.YamlMappingNode)node)[key]);
        IEnumerable<string> Items(params string[] path) =>
            ((YamlDotNet.RepresentationModel.YamlSequenceNode)At(path)).Select(n => n.ToString());

        // The attribute names the silo's account.scan and account.scan.region spans carry (AccountGrain).
        Assert.Contains("cloud.account.id", Items("exporters", "awsxray", "indexed_attributes"));
        Assert.Contains("cloud.region", Items("exporters", "awsxray", "indexed_attributes"));
        // And underscore copies, whose annotation keys are the same with or without the exporter's allowDot gate.
        Assert.Contains("cloud_account_id", Items("exporters", "awsxray", "indexed_attributes"));
        Assert.Contains("cloud_region", Items("exporters", "awsxray", "indexed_attributes"));
        var copies = ((YamlDotNet.RepresentationModel.YamlSequenceNode)At("processors", "attributes/xray-keys", "actions"))
            .Cast<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .ToDictionary(a => a["key"].ToString(), a => (From: a["from_attribute"].ToString(), Action: a["action"].ToString()));
        Assert.Equal(("cloud.account.id", "insert"), copies["cloud_account_id"]);
        Assert.Equal(("cloud.region", "insert"), copies["cloud_region"]);
        Assert.Equal(["attributes/xray-keys", "batch"], Items("service", "pipelines", "traces", "processors"));

        var grain = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Grains", "Accounts", "AccountGrain.cs"));
        Assert.Contains("\"cloud.account.id\"", grain, StringComparison.Ordinal);
        Assert.Contains("\"cloud.region\"", grain, StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_is_configured_for_dynamodb_with_the_contract_keys()
    {
        var env = Environment(SiloContainer());

        Assert.Equal("DynamoDB", (string?)env["Cluster__Clustering"]);
        Assert.Equal("DynamoDB", (string?)env["Cluster__Storage"]);
        AssertJson(Ref("TablePrefix"), env["Cluster__TablePrefix"]);
        AssertJson(Ref("SiloPort"), env["Cluster__SiloPort"]);
        AssertJson(Ref("GatewayPort"), env["Cluster__GatewayPort"]);
        AssertJson(Ref("ReportBucket"), env["Report__S3Bucket"]);
        AssertJson(Ref("ReportS3Prefix"), env["Report__S3Prefix"]);
        AssertJson(Ref("ManagementAccountId"), env["Organization__ManagementAccountId"]);
        Assert.Equal(11111L, (long)Hub.Parameters["SiloPort"]!["Default"]!);
        Assert.Equal(30000L, (long)Hub.Parameters["GatewayPort"]!["Default"]!);
        // The write role may put objects only under the prefix the silo is told to use.
        Assert.Equal("compliance-reports", (string?)Hub.Parameters["ReportS3Prefix"]!["Default"]);
    }

    [Fact]
    public void Security_group_admits_only_the_silo_and_gateway_ports_and_only_from_itself()
    {
        Assert.False(Hub.Properties("SiloSecurityGroup").ContainsKey("SecurityGroupIngress"));

        var ingress = Hub.ResourcesOfType("AWS::EC2::SecurityGroupIngress").Select(r => r.Properties).ToList();
        Assert.Equal(2, ingress.Count);
        Assert.All(ingress, rule =>
        {
            AssertJson(Ref("SiloSecurityGroup"), rule["GroupId"]);
            AssertJson(Ref("SiloSecurityGroup"), rule["SourceSecurityGroupId"]);
            Assert.False(rule.ContainsKey("CidrIp"));
            Assert.Equal("tcp", (string?)rule["IpProtocol"]);
            AssertJson(rule["FromPort"], rule["ToPort"]);
        });
        Assert.Equal(["GatewayPort", "SiloPort"], ingress.Select(r => (string)r["FromPort"]!["Ref"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Container_health_check_runs_the_probe_the_silo_image_ships()
    {
        var dockerfile = Dockerfile.Load(Path.Combine(RepoPaths.Deploy, "Dockerfile.silo"));
        var imageCheck = dockerfile.Final.All("HEALTHCHECK").Single().ExecForm;
        var taskCheck = SiloContainer()["HealthCheck"]!["Command"]!.AsArray();

        Assert.Equal("CMD", (string?)taskCheck[0]);
        Assert.Equal(imageCheck.Take(2), taskCheck.Skip(1).Take(2).Select(c => (string)c!));
        AssertJson(Sub("http://127.0.0.1:${HealthPort}/health/live"), taskCheck[3]);
        Assert.Equal(8080L, (long)Hub.Parameters["HealthPort"]!["Default"]!);
        Assert.Equal("http://127.0.0.1:8080/health/live", imageCheck[2]);
    }

    [Fact]
    public void Log_group_is_encrypted_and_expires()
    {
        var logs = Hub.Properties("LogGroup");

        AssertJson(Ref("LogRetentionDays"), logs["RetentionInDays"]);
        AssertJson(JsonNode.Parse("""{"Fn::GetAtt": ["Key", "Arn"]}"""), logs["KmsKeyId"]);
        // The key policy lets CloudWatch Logs use the key for exactly this group name.
        AssertJson(Sub("/ecs/${TablePrefix}"), logs["LogGroupName"]);
    }
}
