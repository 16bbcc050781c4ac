using System.Text.Json.Serialization;

namespace ComplianceReport.Aws.ConfigService;

public sealed record ConfigurationRecorderStatus(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("recording")] bool? Recording,
    [property: JsonPropertyName("lastStatus")] string? LastStatus);
