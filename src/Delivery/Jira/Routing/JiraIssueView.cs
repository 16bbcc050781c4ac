using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplianceReport.Delivery.Jira.Routing;

/// <summary>The fields of an issue that routing reads back: what it set, and what people may have changed.</summary>
/// <param name="Assignee">Account id (Cloud) or user name (Data Center); null when unassigned.</param>
/// <param name="LinkedKeys">Keys of the issues linked to this one, either direction.</param>
/// <param name="Stamp">The <see cref="RoutingStamp"/> property, when requested and present.</param>
internal sealed record JiraIssueView(
    string Key,
    long? Id,
    IReadOnlyList<string> Labels,
    string? StatusId,
    string? StatusName,
    string? Assignee,
    IReadOnlyList<string> LinkedKeys,
    IReadOnlyList<string> AttachmentNames,
    RoutingStamp? Stamp)
{
    public static JiraIssueView Parse(string key, JsonElement issue)
    {
        long? id = issue.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String && long.TryParse(idElement.GetString(), out var parsed) ? parsed : null;
        var fields = issue.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        string? status = null, statusName = null, assignee = null;
        if (fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            status = Text(s, "id");
            statusName = Text(s, "name");
        }

        if (fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("assignee", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            assignee = Text(a, "accountId") ?? Text(a, "name");
        }

        var links = Array(fields, "issuelinks")
            .Select(l => l.TryGetProperty("inwardIssue", out var i) ? Text(i, "key") : l.TryGetProperty("outwardIssue", out var o) ? Text(o, "key") : null)
            .OfType<string>()
            .ToList();
        RoutingStamp? stamp = null;
        if (issue.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(RoutingStamp.PropertyKey, out var value))
        {
            stamp = RoutingStamp.From(JsonNode.Parse(value.GetRawText()));
        }

        return new JiraIssueView(
            key,
            id,
            [.. Array(fields, "labels").Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!)],
            status,
            statusName,
            assignee,
            links,
            [.. Array(fields, "attachment").Select(x => Text(x, "filename")).OfType<string>()],
            stamp);
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
