using System.Text.Json.Nodes;

namespace ComplianceReport.Delivery.Jira.Routing;

/// <summary>
/// What the report set on an owner's item, kept as an issue property so that a later week can
/// tell its own state from a person's change: a different status or assignee means hands off.
/// </summary>
internal sealed record RoutingStamp(string? Assignee, string? StatusId)
{
    public const string PropertyKey = "compliance-report-routing";

    public static RoutingStamp? From(JsonNode? node) =>
        node is JsonObject obj ? new RoutingStamp(Text(obj, "assignee"), Text(obj, "statusId")) : null;

    public JsonObject ToJson() => new() { ["assignee"] = Assignee, ["statusId"] = StatusId };

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
