using System.Text.Json.Nodes;

namespace ComplianceReport.TestSupport.Jira;

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
}
