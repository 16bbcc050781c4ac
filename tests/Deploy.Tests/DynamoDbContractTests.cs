using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComplianceReport.Deploy.Tests.Support;
using static ComplianceReport.Deploy.Tests.Support.PolicyDocument;

namespace ComplianceReport.Deploy.Tests;

/// <summary>
/// The tables and permissions in hub.yaml must follow what src/DynamoDb actually does: these read
/// its source (key attribute names, the client operations it calls) and compare, so a change
/// there that the template does not follow fails here rather than at the first deployment.
/// </summary>
public sealed partial class DynamoDbContractTests
{
    private static readonly string Source = Path.Combine(RepoPaths.Root, "src", "DynamoDb");
    private static readonly CfnTemplate Hub = CfnTemplate.Load("hub.yaml");

    /// <summary>The IAM actions that authorize each DynamoDB operation (transactions are authorized per item).</summary>
    private static readonly Dictionary<string, string[]> ActionsOf = new(StringComparer.Ordinal)
    {
        ["DescribeTable"] = ["dynamodb:DescribeTable"],
        ["GetItem"] = ["dynamodb:GetItem"],
        ["PutItem"] = ["dynamodb:PutItem"],
        ["UpdateItem"] = ["dynamodb:UpdateItem"],
        ["DeleteItem"] = ["dynamodb:DeleteItem"],
        ["Query"] = ["dynamodb:Query"],
        ["BatchWriteItem"] = ["dynamodb:BatchWriteItem"],
        ["TransactGetItems"] = ["dynamodb:GetItem"],
        ["TransactWriteItems"] = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
    };

    public static TheoryData<string, string> Providers => new()
    {
        { "Clustering/DynamoDbMembershipTable.cs", "MembershipTable" },
        { "Storage/DynamoDbGrainStorage.cs", "GrainStateTable" },
        { "Reminders/DynamoDbReminderTable.cs", "RemindersTable" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Table_keys_are_the_ones_the_provider_creates_in_development(string providerFile, string logicalId)
    {
        var code = File.ReadAllText(Path.Combine(Source, providerFile));
        var ensure = EnsureCall().Match(code);
        Assert.True(ensure.Success, $"{providerFile} no longer calls DynamoDbTable.EnsureAsync(client, options, hashKey, rangeKey, …): update this test and hub.yaml together.");
        var constants = Constants();

        var expected = new JsonArray(
            new JsonObject { ["AttributeName"] = constants[ensure.Groups[1].Value], ["KeyType"] = "HASH" },
            new JsonObject { ["AttributeName"] = constants[ensure.Groups[2].Value], ["KeyType"] = "RANGE" });
        var actual = Hub.Properties(logicalId)["KeySchema"];
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{logicalId}: expected {expected.ToJsonString()}, template has {actual?.ToJsonString()}");
    }

    [Fact]
    public void Table_names_follow_the_providers_prefix_rule()
    {
        var code = File.ReadAllText(Path.Combine(Source, "DynamoDbTableNames.cs"));

        Assert.Contains("$\"{tablePrefix}-membership\", $\"{tablePrefix}-grainstate\", $\"{tablePrefix}-reminders\"", code, StringComparison.Ordinal);
        Assert.Equal("${TablePrefix}-membership", (string?)Hub.Properties("MembershipTable")["TableName"]!["Fn::Sub"]);
        Assert.Equal("${TablePrefix}-grainstate", (string?)Hub.Properties("GrainStateTable")["TableName"]!["Fn::Sub"]);
        Assert.Equal("${TablePrefix}-reminders", (string?)Hub.Properties("RemindersTable")["TableName"]!["Fn::Sub"]);
    }

    [Fact]
    public void Write_role_grants_every_dynamodb_operation_the_providers_call_except_creating_tables()
    {
        var granted = Actions(StatementWithSid(InlineStatements(Hub.RoleNamed("system-config-report-generator-write-role")), "OrleansTables")).ToHashSet();
        var called = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ClientCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(operation => operation != "CreateTable")
            .ToHashSet();

        Assert.NotEmpty(called);
        var unknown = called.Where(o => !ActionsOf.ContainsKey(o)).ToList();
        Assert.True(unknown.Count == 0, $"src/DynamoDb calls {string.Join(", ", unknown)}: add the IAM action to hub.yaml's OrleansTables and to this map.");
        var missing = called.SelectMany(o => ActionsOf[o]).Where(a => !granted.Contains(a)).Distinct().ToList();
        Assert.True(missing.Count == 0, "OrleansTables lacks " + string.Join(", ", missing));
        var unused = granted.Where(a => !called.SelectMany(o => ActionsOf[o]).Contains(a)).ToList();
        Assert.True(unused.Count == 0, "OrleansTables grants actions src/DynamoDb never needs: " + string.Join(", ", unused));
    }

    /// <summary>Every <c>const string Name = "value"</c> of src/DynamoDb, by Name and by Class.Name.</summary>
    private static Dictionary<string, string> Constants()
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories))
        {
            var type = Path.GetFileNameWithoutExtension(file);
            foreach (Match constant in ConstString().Matches(File.ReadAllText(file)))
            {
                constants.TryAdd(constant.Groups[1].Value, constant.Groups[2].Value);
                constants[$"{type}.{constant.Groups[1].Value}"] = constant.Groups[2].Value;
            }
        }

        return constants;
    }

    [GeneratedRegex(@"DynamoDbTable\.EnsureAsync\(\s*\w+,\s*\w+,\s*([\w.]+),\s*([\w.]+)\s*,")]
    private static partial Regex EnsureCall();

    [GeneratedRegex(@"const string (\w+) = ""([^""]*)""")]
    private static partial Regex ConstString();

    [GeneratedRegex(@"\b_?client\.(\w+)Async\(")]
    private static partial Regex ClientCall();
}
