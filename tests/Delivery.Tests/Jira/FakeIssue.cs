using System.Text.Json.Nodes;

namespace ComplianceReport.Delivery.Tests.Jira;

public sealed class FakeIssue(string key, JsonObject fields)
{
    public string Key { get; } = key;

    public JsonObject Fields { get; } = fields;

    public List<JsonNode> Comments { get; } = [];

    public List<byte[]> Attachments { get; } = [];

    public IEnumerable<string> Labels => Fields["labels"]!.AsArray().Select(l => l!.GetValue<string>());
}
