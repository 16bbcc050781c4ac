using System.Text.Json.Serialization;

namespace ComplianceReport.Aws.ConfigService;

/// <param name="ResourceKeys">1 to 100 keys (model limit).</param>
public sealed record BatchGetResourceConfigRequest([property: JsonPropertyName("resourceKeys")] IReadOnlyList<ResourceKey> ResourceKeys);
