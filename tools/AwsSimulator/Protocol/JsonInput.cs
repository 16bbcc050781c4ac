using System.Text.Json;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>Reads JSON 1.1 request members; a member of the wrong JSON type is a SerializationException, as in AWS.</summary>
internal static class JsonInput
{
    public static string? String(JsonElement input, string name)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw TypeError(name, "string");
    }

    public static int? Integer(JsonElement input, string name)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw TypeError(name, "integer");
    }

    public static IReadOnlyList<string>? StringList(JsonElement input, string name)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw TypeError(name, "list");
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw TypeError(name, "list of strings"))];
    }

    public static IReadOnlyList<JsonElement>? ObjectList(JsonElement input, string name)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw TypeError(name, "list");
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object ? item : throw TypeError(name, "list of structures"))];
    }

    private static AwsServiceException TypeError(string name, string expected) =>
        AwsServiceException.BadRequest("SerializationException", $"Member '{name}' must be a {expected}.");
}
