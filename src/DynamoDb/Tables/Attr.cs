using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ComplianceReport.DynamoDb.Tables;

/// <summary>Short-hands for building and reading attribute values.</summary>
internal static class Attr
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Time(DateTime value) =>
        S(DateTime.SpecifyKind(value, value.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : value.Kind).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    public static string? GetS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long GetN(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is not null ? long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture) : 0;

    public static DateTime GetTime(this Dictionary<string, AttributeValue> item, string name) =>
        item.GetS(name) is { Length: > 0 } text ? ParseTime(text) : default;

    public static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
