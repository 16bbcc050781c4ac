using System.Text.Json.Serialization;

namespace ComplianceReport.Aws.ConfigService;

public sealed record BatchGetResourceConfigResponse(
    [property: JsonPropertyName("baseConfigurationItems")] IReadOnlyList<BaseConfigurationItem>? BaseConfigurationItems,
    [property: JsonPropertyName("unprocessedResourceKeys")] IReadOnlyList<ResourceKey>? UnprocessedResourceKeys);
