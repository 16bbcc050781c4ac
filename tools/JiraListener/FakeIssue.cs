using System.Text.Json.Nodes;

namespace ComplianceReport.JiraListener;

public sealed class FakeIssue(long id, string key, JsonObject fields)
{
    public long Id { get; } = id;

    public string Key { get; } = key;

    /// <summary>Whether the search index shows it yet (see <see cref="FakeJira.SearchLagsBehindCreates"/>).</summary>
    public bool Indexed { get; set; }

    public JsonObject Fields { get; } = fields;

    public List<JsonNode> Comments { get; } = [];

    public List<byte[]> Attachments { get; } = [];

    /// <summary>The attachments' file names, in the order they were added.</summary>
    public List<string> AttachmentNames { get; } = [];

    public IEnumerable<string> Labels => Fields["labels"]!.AsArray().Select(l => l!.GetValue<string>());

    /// <summary>The workflow status' name (the fake's workflow: To Do, In Progress, Done).</summary>
    public string Status => Fields["status"]?["name"]?.GetValue<string>() ?? FakeJira.ToDo;

    /// <summary>The assignee's account id (Cloud) or user name (Data Center), or null.</summary>
    public string? Assignee => Fields["assignee"]?["accountId"]?.GetValue<string>() ?? Fields["assignee"]?["name"]?.GetValue<string>();

    public string? ParentKey => Fields["parent"]?["key"]?.GetValue<string>();

    public List<FakeLink> Links { get; } = [];

    /// <summary>Names of the transitions performed through the API, in order.</summary>
    public List<string> Transitions { get; } = [];

    public Dictionary<string, JsonNode> Properties { get; } = new(StringComparer.Ordinal);
}
