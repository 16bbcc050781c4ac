using System.Text.Json.Nodes;
using ComplianceReport.Deploy.Tests.Support;
using static ComplianceReport.Deploy.Tests.Support.PolicyDocument;

namespace ComplianceReport.Deploy.Tests;

/// <summary>The IAM model of DESIGN.md: exact role names, exact actions, scoped resources, narrow trust.</summary>
public sealed class IamPolicyTests
{
    private const string WriteRole = "system-config-report-generator-write-role";
    private const string ListOrgRole = "system-config-report-generator-list-org-role";
    private const string ReadRole = "system-config-report-generator-read-role";
    private const string AggregatorRole = "system-config-report-generator-aggregator-read-role";

    /// <summary>The only wildcard actions the design allows, all on the read role.</summary>
    private static readonly HashSet<string> ListedWildcards =
        ["config:Describe*", "config:Get*", "ec2:Describe*", "iam:List*", "rds:Describe*", "cloudfront:List*"];

    private static readonly CfnTemplate Hub = CfnTemplate.Load("hub.yaml");
    private static readonly CfnTemplate Management = CfnTemplate.Load("management.yaml");
    private static readonly CfnTemplate Spoke = CfnTemplate.Load("spoke.yaml");
    private static readonly CfnTemplate Aggregator = CfnTemplate.Load("aggregator.yaml");

    private static JsonNode Sub(string text) => new JsonObject { ["Fn::Sub"] = text };

    private static JsonNode Ref(string name) => new JsonObject { ["Ref"] = name };

    private static JsonNode GetAtt(string resource, string attribute) => new JsonObject { ["Fn::GetAtt"] = new JsonArray(resource, attribute) };

    private static void AssertJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");

    private static void AssertResources(JsonObject statement, params JsonNode[] expected) =>
        AssertJson(new JsonArray(expected.Select(e => e.DeepClone()).ToArray()), new JsonArray(Resources(statement).Select(r => r.DeepClone()).ToArray()));

    [Fact]
    public void Read_role_has_the_exact_name_and_exactly_the_listed_read_actions()
    {
        var role = Spoke.RoleNamed(ReadRole);
        var statements = InlineStatements(role);

        Assert.All(statements, s => Assert.True(IsAllow(s)));
        Assert.Equal(
            ["cloudfront:List*", "config:BatchGetResourceConfig", "config:Describe*", "config:Get*", "ec2:Describe*", "iam:List*", "rds:Describe*"],
            statements.SelectMany(Actions).Order(StringComparer.Ordinal));
        // None of these has resource-level permissions that could name "every account's rules".
        Assert.All(statements, s => AssertResources(s, JsonValue.Create("*")!));
    }

    [Fact]
    public void List_org_role_has_the_exact_name_and_listing_scoped_to_the_organization()
    {
        var role = Management.RoleNamed(ListOrgRole);
        var statements = InlineStatements(role);

        Assert.All(statements, s => Assert.True(IsAllow(s)));
        Assert.Equal(
            [
                "organizations:DescribeOrganization", "organizations:ListAccounts", "organizations:ListAccountsForParent",
                "organizations:ListOrganizationalUnitsForParent", "organizations:ListRoots", "organizations:ListTagsForResource",
            ],
            statements.SelectMany(Actions).Order(StringComparer.Ordinal));

        var children = StatementWithSid(statements, "ListChildrenOfRootsAndOus");
        Assert.Equal(["organizations:ListAccountsForParent", "organizations:ListOrganizationalUnitsForParent"], Actions(children));
        AssertResources(
            children,
            Sub("arn:${AWS::Partition}:organizations::${AWS::AccountId}:root/${OrganizationId}/*"),
            Sub("arn:${AWS::Partition}:organizations::${AWS::AccountId}:ou/${OrganizationId}/*"));

        var tags = StatementWithSid(statements, "ListAccountTags");
        Assert.Equal(["organizations:ListTagsForResource"], Actions(tags));
        AssertResources(tags, Sub("arn:${AWS::Partition}:organizations::${AWS::AccountId}:account/${OrganizationId}/*"));

        // The three without resource types in IAM are the only ones on "*".
        var describe = StatementWithSid(statements, "DescribeOrganization");
        Assert.Equal(["organizations:ListRoots", "organizations:ListAccounts", "organizations:DescribeOrganization"], Actions(describe));
        AssertResources(describe, JsonValue.Create("*")!);
    }

    [Fact]
    public void Spoke_and_management_roles_trust_only_the_hub_write_role()
    {
        var writeRoleArn = Sub($"arn:${{AWS::Partition}}:iam::${{HubAccountId}}:role/{WriteRole}");
        foreach (var role in new[] { Spoke.RoleNamed(ReadRole), Management.RoleNamed(ListOrgRole) })
        {
            var trust = Statements(role["AssumeRolePolicyDocument"]);
            var statement = Assert.Single(trust);
            Assert.True(IsAllow(statement));
            Assert.Equal(["sts:AssumeRole"], Actions(statement));
            AssertJson(new JsonObject { ["AWS"] = writeRoleArn.DeepClone() }, statement["Principal"]);
            Assert.Equal(3600, (long)role["MaxSessionDuration"]!);
        }
    }

    [Fact]
    public void Read_role_trust_adds_external_id_and_org_id_only_when_given()
    {
        var statement = Assert.Single(Statements(Spoke.RoleNamed(ReadRole)["AssumeRolePolicyDocument"]));

        var expected = JsonNode.Parse("""
            {"Fn::If": ["HasTrustCondition",
              {"StringEquals": {
                "sts:ExternalId": {"Fn::If": ["HasExternalId", {"Ref": "ExternalId"}, {"Ref": "AWS::NoValue"}]},
                "aws:PrincipalOrgID": {"Fn::If": ["HasOrganizationId", {"Ref": "OrganizationId"}, {"Ref": "AWS::NoValue"}]}}},
              {"Ref": "AWS::NoValue"}]}
            """);
        AssertJson(expected, statement["Condition"]);
        Assert.True((bool)Spoke.Parameters["ExternalId"]!["NoEcho"]!);
    }

    [Fact]
    public void List_org_role_trust_always_requires_the_organization()
    {
        var statement = Assert.Single(Statements(Management.RoleNamed(ListOrgRole)["AssumeRolePolicyDocument"]));

        var expected = JsonNode.Parse("""
            {"StringEquals": {
              "aws:PrincipalOrgID": {"Ref": "OrganizationId"},
              "sts:ExternalId": {"Fn::If": ["HasExternalId", {"Ref": "ExternalId"}, {"Ref": "AWS::NoValue"}]}}}
            """);
        AssertJson(expected, statement["Condition"]);
        Assert.Null(Management.Parameters["OrganizationId"]!["Default"]);
    }

    [Fact]
    public void Write_role_is_the_task_role_trusted_only_by_this_accounts_ecs_tasks()
    {
        var role = Hub.RoleNamed(WriteRole);
        var statement = Assert.Single(Statements(role["AssumeRolePolicyDocument"]));

        Assert.Equal(["sts:AssumeRole"], Actions(statement));
        AssertJson(JsonNode.Parse("""{"Service": "ecs-tasks.amazonaws.com"}"""), statement["Principal"]);
        AssertJson(Ref("AWS::AccountId"), statement["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
        AssertJson(GetAtt("WriteRole", "Arn"), Hub.Properties("SiloTaskDefinition")["TaskRoleArn"]);
    }

    [Fact]
    public void Write_role_may_exactly_what_the_design_lists_on_its_own_resources()
    {
        var statements = InlineStatements(Hub.RoleNamed(WriteRole));
        Assert.All(statements, s => Assert.True(IsAllow(s)));

        var listOrg = StatementWithSid(statements, "AssumeListOrgRole");
        Assert.Equal(["sts:AssumeRole"], Actions(listOrg));
        AssertResources(listOrg, Sub($"arn:${{AWS::Partition}}:iam::${{ManagementAccountId}}:role/{ListOrgRole}"));

        var read = StatementWithSid(statements, "AssumeReadRoleInOrganizationAccounts");
        Assert.Equal(["sts:AssumeRole"], Actions(read));
        AssertResources(read, Sub($"arn:${{AWS::Partition}}:iam::*:role/{ReadRole}"));
        AssertJson(Ref("OrganizationId"), read["Condition"]!["StringEquals"]!["aws:ResourceOrgID"]);

        // Source=Aggregator swaps the read role in every account for the one aggregator role.
        var aggregator = StatementWithSid(statements, "AssumeAggregatorReadRole");
        Assert.Equal(["sts:AssumeRole"], Actions(aggregator));
        AssertResources(aggregator, Sub("arn:${AWS::Partition}:iam::${AggregatorAccountId}:role/${AggregatorRoleName}"));
        Assert.Equal("system-config-report-generator-aggregator-read-role", (string?)Hub.Parameters["AggregatorRoleName"]!["Default"]);
        var written = Hub.RoleNamed(WriteRole)["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(written, s => s!["Fn::If"] is JsonArray b && (string?)b[0] == "UsesReadRoles" && (string?)b[1]!["Sid"] == "AssumeReadRoleInOrganizationAccounts");
        Assert.Contains(written, s => s!["Fn::If"] is JsonArray b && (string?)b[0] == "UsesAggregator" && (string?)b[1]!["Sid"] == "AssumeAggregatorReadRole");

        var put = StatementWithSid(statements, "PutReports");
        Assert.Equal(["s3:PutObject"], Actions(put));
        AssertResources(put, Sub("${ReportBucket.Arn}/${ReportS3Prefix}/*"));

        // Opt-in only: the design's table grants PutObject alone.
        var get = StatementWithSid(statements, "ReadReportsForPresignedLinks");
        Assert.Equal(["s3:GetObject"], Actions(get));
        AssertResources(get, Sub("${ReportBucket.Arn}/${ReportS3Prefix}/*"));
        Assert.Equal("false", (string?)Hub.Parameters["AllowPresignedReportLinks"]!["Default"]);
        Assert.Contains(
            Hub.RoleNamed(WriteRole)["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray(),
            s => s!["Fn::If"] is JsonArray branches && (string?)branches[0] == "AllowsPresignedLinks" && (string?)branches[1]!["Sid"] == "ReadReportsForPresignedLinks");

        var kms = StatementWithSid(statements, "EncryptReports");
        Assert.Equal(["kms:GenerateDataKey", "kms:Decrypt"], Actions(kms));
        AssertResources(kms, GetAtt("Key", "Arn"));
        AssertJson(Sub("s3.${AWS::Region}.amazonaws.com"), kms["Condition"]!["StringEquals"]!["kms:ViaService"]);

        var tables = StatementWithSid(statements, "OrleansTables");
        Assert.Equal(
            [
                "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem",
                "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem",
            ],
            Actions(tables).Order(StringComparer.Ordinal));
        AssertResources(tables, GetAtt("MembershipTable", "Arn"), GetAtt("GrainStateTable", "Arn"), GetAtt("RemindersTable", "Arn"));

        var traces = StatementWithSid(statements, "SendTraces");
        Assert.Equal(["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Actions(traces));

        // Nothing else: no iam:*, no s3:DeleteObject, no dynamodb:CreateTable.
        Assert.Equal(8, statements.Count);
    }

    [Fact]
    public void Cli_role_may_only_find_gateways_and_open_ecs_exec_channels()
    {
        var statements = InlineStatements(Hub.Properties("CliTaskRole"));

        var membership = StatementWithSid(statements, "ReadMembershipToFindGateways");
        Assert.Equal(["dynamodb:DescribeTable", "dynamodb:Query"], Actions(membership));
        AssertResources(membership, GetAtt("MembershipTable", "Arn"));
        Assert.All(Actions(StatementWithSid(statements, "EcsExecChannels")), a => Assert.StartsWith("ssmmessages:", a, StringComparison.Ordinal));
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void Execution_role_reads_only_the_jira_secret_our_repositories_and_our_log_group()
    {
        var statements = InlineStatements(Hub.Properties("ExecutionRole"));

        AssertResources(StatementWithSid(statements, "ReadJiraToken"), Ref("JiraApiTokenSecret"));
        // An S3-only stack has no secret, hence no statement naming it.
        Assert.Contains(
            Hub.Properties("ExecutionRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray(),
            s => s!["Fn::If"] is JsonArray b && (string?)b[0] == "HasJiraToken" && (string?)b[1]!["Sid"] == "ReadJiraToken");
        Assert.Equal(["secretsmanager:GetSecretValue"], Actions(StatementWithSid(statements, "ReadJiraToken")));
        AssertResources(
            StatementWithSid(statements, "PullOurImages"),
            Sub("arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/${ImageRepositoryPrefix}/*"));
        AssertResources(StatementWithSid(statements, "WriteContainerLogs"), GetAtt("LogGroup", "Arn"));
        AssertResources(StatementWithSid(statements, "DecryptJiraToken"), GetAtt("Key", "Arn"));

        // Only when an environment file is given, and only that object and its bucket's location.
        var envFile = StatementWithSid(statements, "ReadEnvironmentFile");
        Assert.Equal(["s3:GetObject"], Actions(envFile));
        AssertResources(envFile, Ref("EnvironmentFileArn"));
        var location = StatementWithSid(statements, "LocateEnvironmentFileBucket");
        Assert.Equal(["s3:GetBucketLocation"], Actions(location));
        AssertResources(location, JsonNode.Parse("""{"Fn::Select": [0, {"Fn::Split": ["/", {"Ref": "EnvironmentFileArn"}]}]}""")!);
        Assert.Equal(7, statements.Count);
    }

    [Fact]
    public void No_allow_statement_uses_a_wildcard_action_beyond_the_listed_ones()
    {
        var offenders = AllRoleStatements()
            .Where(x => IsAllow(x.Statement))
            .SelectMany(x => Actions(x.Statement).Select(a => (x.Where, Action: a)))
            .Where(x => x.Action.Contains('*', StringComparison.Ordinal) && !(x.Where.StartsWith(ReadRole, StringComparison.Ordinal) && ListedWildcards.Contains(x.Action)))
            .Select(x => $"{x.Where}: {x.Action}")
            .ToList();

        Assert.True(offenders.Count == 0, "Wildcard actions beyond the listed ones:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Resource_star_only_where_iam_offers_nothing_narrower()
    {
        // Each of these actions has no resource-level permission in IAM (or, for the read role,
        // ranges over every rule and resource of the account by design).
        var withoutResourceTypes = new HashSet<string>(ListedWildcards)
        {
            "config:BatchGetResourceConfig",
            "organizations:ListRoots", "organizations:ListAccounts", "organizations:DescribeOrganization",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
            "ecr:GetAuthorizationToken",
        };

        var offenders = AllRoleStatements()
            .Where(x => IsAllow(x.Statement) && TargetsEverything(x.Statement))
            .SelectMany(x => Actions(x.Statement).Where(a => !withoutResourceTypes.Contains(a)).Select(a => $"{x.Where}: {a}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Resource \"*\" where a narrower resource exists:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Aggregator_read_role_may_exactly_the_operations_the_aggregator_client_sends()
    {
        // The operation names ConfigAggregatorClient passes to the JSON client (its only quoted PascalCase words besides type names).
        var client = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Aws", "ConfigService", "ConfigAggregatorClient.cs"));
        var sent = System.Text.RegularExpressions.Regex.Matches(client, "\"([A-Z][A-Za-z]+)\"")
            .Select(m => m.Groups[1].Value)
            .Where(name => !name.EndsWith("Client", StringComparison.Ordinal))
            .Select(name => "config:" + name)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(5, sent.Count);

        var role = Aggregator.Resource("AggregatorReadRole")["Properties"]!.AsObject();
        AssertJson(Ref("AggregatorRoleName"), role["RoleName"]);
        Assert.Equal(AggregatorRole, (string?)Aggregator.Parameters["AggregatorRoleName"]!["Default"]);
        var statement = Assert.Single(InlineStatements(role));
        Assert.True(IsAllow(statement));
        Assert.Equal(sent.Order(StringComparer.Ordinal), Actions(statement).Order(StringComparer.Ordinal));
        // Aggregators of that account only; an aggregator's ARN ends in a generated id, not its name.
        AssertResources(statement, Sub("arn:${AWS::Partition}:config:*:${AWS::AccountId}:config-aggregator/*"));

        var trust = Assert.Single(Statements(role["AssumeRolePolicyDocument"]));
        AssertJson(JsonNode.Parse($$$"""{"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${HubAccountId}:role/{{{WriteRole}}}"}}"""), trust["Principal"]);
        Assert.Equal("sts:AssumeRole", (string?)trust["Action"]);
        Assert.Equal(3600L, (long)role["MaxSessionDuration"]!);
    }

    [Fact]
    public void Aggregator_template_creates_the_aggregator_only_on_request()
    {
        Assert.Equal("false", (string?)Aggregator.Parameters["CreateAggregator"]!["Default"]);
        Assert.Equal("CreatesAggregator", (string?)Aggregator.Resource("OrganizationAggregator")["Condition"]);
        Assert.Equal("CreatesAggregator", (string?)Aggregator.Resource("AggregatorServiceRole")["Condition"]);
        var source = Aggregator.Properties("OrganizationAggregator")["OrganizationAggregationSource"]!;
        Assert.True((bool)source["AllAwsRegions"]!);
        AssertJson(GetAtt("AggregatorServiceRole", "Arn"), source["RoleArn"]);
        Assert.Equal(
            ["arn:${AWS::Partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations"],
            Aggregator.Properties("AggregatorServiceRole")["ManagedPolicyArns"]!.AsArray().Select(a => (string)a!["Fn::Sub"]!));
    }

    [Fact]
    public void Role_names_are_exact_and_each_is_defined_once_across_the_templates()
    {
        var names = new[] { Hub, Management, Spoke }
            .SelectMany(t => t.ResourcesOfType("AWS::IAM::Role").Select(r => r.Properties["RoleName"]))
            .OfType<JsonValue>()
            .Select(v => v.GetValue<string>())
            .ToList();

        Assert.Equal(1, names.Count(n => n == WriteRole));
        Assert.Equal(1, names.Count(n => n == ListOrgRole));
        Assert.Equal(1, names.Count(n => n == ReadRole));
        Assert.Single(Management.ResourcesOfType("AWS::IAM::Role"));
        Assert.Single(Spoke.ResourcesOfType("AWS::IAM::Role"));
    }

    private static IEnumerable<(string Where, JsonObject Statement)> AllRoleStatements() =>
        new[] { Hub, Management, Spoke, Aggregator }
            .SelectMany(t => t.ResourcesOfType("AWS::IAM::Role"))
            .SelectMany(r => InlineStatements(r.Properties).Select(s =>
                ($"{(r.Properties["RoleName"] is JsonValue v ? v.ToString() : r.LogicalId)}/{(string?)s["Sid"]}", s)));
}
