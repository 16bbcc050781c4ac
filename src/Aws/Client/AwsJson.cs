using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReport.Aws.Client;

/// <summary>System.Text.Json settings for AWS JSON 1.1 bodies: member names as modelled, no nulls sent.</summary>
public static class AwsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };
}
