using System.Text.Json;
using ComplianceReport.AwsSimulator.Generation;

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

    /// <summary>A rule's <c>Compliance</c> object, as Config and the aggregator both answer it.</summary>
    public static void WriteRuleCompliance(this Utf8JsonWriter writer, RegionState state, int rule)
    {
        var compliance = state.Compliance(rule);
        writer.WriteStartObject("Compliance");
        writer.WriteString("ComplianceType", compliance);
        if (compliance == "NON_COMPLIANT")
        {
            // AWS caps the contributor count at 100.
            var count = state.NonCompliantCount(rule);
            writer.WriteStartObject("ComplianceContributorCount");
            writer.WriteNumber("CappedCount", Math.Min(count, 100));
            writer.WriteBoolean("CapExceeded", count > 100);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
