using System.Text.Json.Serialization;

namespace ComplianceReport.Aws.ConfigService;

/// <summary>Config's <c>BaseConfigurationItem</c>, the members this product reads (camelCase on the wire).</summary>
/// <param name="Configuration">The resource's configuration as a JSON document in a string.</param>
public sealed record BaseConfigurationItem(
    [property: JsonPropertyName("resourceType")] string? ResourceType,
    [property: JsonPropertyName("resourceId")] string? ResourceId,
    [property: JsonPropertyName("resourceName")] string? ResourceName,
    [property: JsonPropertyName("arn")] string? Arn,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion,
    [property: JsonPropertyName("configuration")] string? Configuration,
    [property: JsonPropertyName("supplementaryConfiguration")] IReadOnlyDictionary<string, string>? SupplementaryConfiguration);
