using System.Text.Json;
using ComplianceReport.Aws.ConfigService;

namespace ComplianceReport.Aws.Compliance;

/// <summary>
/// A resource's name and tags from its Config configuration item. BaseConfigurationItem has no
/// tags member, so tags come from the <c>configuration</c> JSON document (<c>tags</c>/<c>Tags</c>/<c>tagSet</c>,
/// as lists of Key/Value pairs or as an object) or from <c>supplementaryConfiguration.Tags</c>.
/// </summary>
internal sealed record ResourceDetails(string? Name, IReadOnlyDictionary<string, string> Tags)
{
    private static readonly string[] TagMembers = ["tags", "Tags", "tagSet", "TagSet", "tagList", "TagList"];

    public static ResourceDetails None { get; } = new(null, new Dictionary<string, string>());

    public static ResourceDetails From(BaseConfigurationItem item)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadTagsFromDocument(item.Configuration, tags);
        if (tags.Count == 0 && item.SupplementaryConfiguration is { } supplementary)
        {
            foreach (var member in TagMembers)
            {
                if (supplementary.TryGetValue(member, out var json))
                {
                    ReadTagValue(json, tags);
                }
            }
        }

        var name = string.IsNullOrEmpty(item.ResourceName) ? NameTag(tags) : item.ResourceName;
        return new ResourceDetails(name, tags);
    }

    private static string? NameTag(Dictionary<string, string> tags) => tags.TryGetValue("Name", out var name) ? name : null;

    private static void ReadTagsFromDocument(string? configuration, Dictionary<string, string> tags)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(configuration);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var member in TagMembers)
            {
                if (document.RootElement.TryGetProperty(member, out var value))
                {
                    AddTags(value, tags);
                }
            }
        }
        catch (JsonException)
        {
            // A configuration that is not JSON carries no tags we can read; the finding stays valid.
        }
    }

    private static void ReadTagValue(string json, Dictionary<string, string> tags)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            AddTags(document.RootElement, tags);
        }
        catch (JsonException)
        {
            // Same as above: tags are an enrichment, never a reason to drop a finding.
        }
    }

    private static void AddTags(JsonElement value, Dictionary<string, string> tags)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in value.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.Object
                    && (Member(tag, "Key") ?? Member(tag, "key")) is { } key)
                {
                    tags[key] = Member(tag, "Value") ?? Member(tag, "value") ?? string.Empty;
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    tags[property.Name] = property.Value.GetString() ?? string.Empty;
                }
            }
        }
    }

    private static string? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
