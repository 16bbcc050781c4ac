using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// JSON 1.1 timestamps are epoch seconds with a fraction; ISO-8601 strings are accepted too because
/// some stand-ins send them.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDouble();
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000d));
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000d));
            }
        }

        throw new JsonException($"Expected a timestamp, found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000d);
}
