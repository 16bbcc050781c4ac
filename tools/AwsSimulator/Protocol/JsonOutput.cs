using System.Text.Json;

namespace ComplianceReport.AwsSimulator.Protocol;

internal static class JsonOutput
{
    /// <summary>JSON 1.1 timestamps are epoch seconds.</summary>
    public static void WriteTimestamp(this Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteNumber(name, value.ToUnixTimeMilliseconds() / 1000.0);

    public static void WriteNextToken(this Utf8JsonWriter writer, string name, string? token)
    {
        if (token is not null)
        {
            writer.WriteString(name, token);
        }
    }
}
