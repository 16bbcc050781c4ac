using System.Text.Json.Nodes;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>Read access to an IAM policy document as written in a template.</summary>
public static class PolicyDocument
{
    /// <summary>
    /// The statements; one written as <c>!If [Cond, statement, !Ref AWS::NoValue]</c> counts as
    /// present, so the checks see the most a parameter choice can grant.
    /// </summary>
    public static IReadOnlyList<JsonObject> Statements(JsonNode? document) =>
        document?["Statement"] switch
        {
            JsonArray array => array.Select(s => Unconditional(s!.AsObject())).ToList(),
            JsonObject single => [Unconditional(single)],
            _ => throw new InvalidOperationException("Policy document without Statement."),
        };

    private static JsonObject Unconditional(JsonObject statement) =>
        statement["Fn::If"] is JsonArray branches ? branches[1]!.AsObject() : statement;

    /// <summary>Every statement of every inline policy of a role, with the policy name.</summary>
    public static IReadOnlyList<JsonObject> InlineStatements(JsonObject role) =>
        (role["Policies"]?.AsArray() ?? [])
            .SelectMany(p => Statements(p!["PolicyDocument"]))
            .ToList();

    public static JsonObject StatementWithSid(IEnumerable<JsonObject> statements, string sid)
    {
        var matches = statements.Where(s => (string?)s["Sid"] == sid).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"Expected one statement {sid}, found {matches.Count}.");
    }

    /// <summary>Action or NotAction as a list of strings.</summary>
    public static IReadOnlyList<string> Actions(JsonObject statement) => Strings(statement["Action"] ?? statement["NotAction"]);

    /// <summary>Resources as JSON nodes (literal strings or intrinsic functions).</summary>
    public static IReadOnlyList<JsonNode> Resources(JsonObject statement) =>
        statement["Resource"] switch
        {
            JsonArray array => array.Select(r => r!).ToList(),
            JsonNode single => [single],
            null => [],
        };

    public static bool IsAllow(JsonObject statement) => (string?)statement["Effect"] == "Allow";

    public static bool TargetsEverything(JsonObject statement) =>
        Resources(statement).Any(r => r is JsonValue v && v.TryGetValue<string>(out var s) && s == "*");

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node switch
        {
            JsonArray array => array.Select(a => a!.GetValue<string>()).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
}
