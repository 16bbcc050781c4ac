using System.Text.Json.Serialization;

namespace ComplianceReport.Aws.ConfigService;

/// <summary>Config's <c>ResourceKey</c> (camelCase on the wire).</summary>
public sealed record ResourceKey(
    [property: JsonPropertyName("resourceType")] string ResourceType,
    [property: JsonPropertyName("resourceId")] string ResourceId);
