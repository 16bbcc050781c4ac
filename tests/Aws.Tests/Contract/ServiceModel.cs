using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceReport.Aws.Tests.Support;

namespace ComplianceReport.Aws.Tests.Contract;

/// <summary>One botocore service model, checking recorded wire requests against it.</summary>
public sealed class ServiceModel
{
    private readonly JsonElement _root;

    private ServiceModel(JsonElement root)
    {
        _root = root;
        var metadata = root.GetProperty("metadata");
        TargetPrefix = metadata.GetProperty("targetPrefix").GetString()!;
        SigningName = metadata.TryGetProperty("signingName", out var signing) ? signing.GetString()! : metadata.GetProperty("endpointPrefix").GetString()!;
    }

    public string TargetPrefix { get; }

    public string SigningName { get; }

    public static ServiceModel Load(string service, string version) =>
        new(JsonDocument.Parse(File.ReadAllText(AwsModels.PathOf(service, version))).RootElement.Clone());

    /// <summary>Every way <paramref name="request"/> departs from the model; empty when it fits.</summary>
    public IReadOnlyList<string> Check(StubRequest request, string signingRegion)
    {
        var errors = new List<string>();
        var target = request.Target ?? string.Empty;
        if (!target.StartsWith(TargetPrefix + ".", StringComparison.Ordinal))
        {
            errors.Add($"X-Amz-Target '{target}' does not start with '{TargetPrefix}.'");
            return errors;
        }

        var operation = target[(TargetPrefix.Length + 1)..];
        if (!_root.GetProperty("operations").TryGetProperty(operation, out var model))
        {
            errors.Add($"operation {operation} is not in the model");
            return errors;
        }

        if (request.Method != "POST" || request.Path != "/")
        {
            errors.Add($"{operation}: expected POST /, got {request.Method} {request.Path}");
        }

        if (request.Header("Content-Type") != "application/x-amz-json-1.1")
        {
            errors.Add($"{operation}: Content-Type is '{request.Header("Content-Type")}'");
        }

        var scope = $"/{signingRegion}/{SigningName}/aws4_request";
        if (request.Header("Authorization") is not { } authorization || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal) || !authorization.Contains(scope, StringComparison.Ordinal))
        {
            errors.Add($"{operation}: not SigV4-signed for {scope}: '{request.Header("Authorization")}'");
        }

        JsonElement body;
        try
        {
            body = request.Json;
        }
        catch (JsonException ex)
        {
            errors.Add($"{operation}: body is not JSON: {ex.Message}");
            return errors;
        }

        if (model.TryGetProperty("input", out var input))
        {
            CheckValue(input.GetProperty("shape").GetString()!, body, operation, errors);
        }
        else if (body.ValueKind != JsonValueKind.Object || body.EnumerateObject().Any())
        {
            errors.Add($"{operation}: takes no input, body should be {{}}");
        }

        return errors;
    }

    private void CheckValue(string shapeName, JsonElement value, string path, List<string> errors)
    {
        var shape = _root.GetProperty("shapes").GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: expected an object ({shapeName})");
                    return;
                }

                var members = shape.GetProperty("members");
                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out var present) || present.ValueKind == JsonValueKind.Null)
                        {
                            errors.Add($"{path}.{name}: required member missing");
                        }
                    }
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (!members.TryGetProperty(property.Name, out var member))
                    {
                        errors.Add($"{path}.{property.Name}: not a member of {shapeName}");
                        continue;
                    }

                    CheckValue(member.GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}", errors);
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{path}: expected a list ({shapeName})");
                    return;
                }

                CheckRange(shape, value.GetArrayLength(), path, "items", errors);
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(shape.GetProperty("member").GetProperty("shape").GetString()!, item, $"{path}[{index++}]", errors);
                }

                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: expected a map ({shapeName})");
                    return;
                }

                foreach (var property in value.EnumerateObject())
                {
                    CheckValue(shape.GetProperty("value").GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}", errors);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected a string ({shapeName})");
                    return;
                }

                var text = value.GetString()!;
                CheckRange(shape, text.Length, path, "characters", errors);
                if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
                {
                    errors.Add($"{path}: '{text}' is not one of {shapeName}'s values");
                }

                if (shape.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    errors.Add($"{path}: '{text}' does not match {pattern.GetString()}");
                }

                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected a number ({shapeName})");
                    return;
                }

                CheckRange(shape, value.GetInt64(), path, "as value", errors);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean ({shapeName})");
                }

                break;
            case "timestamp":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected epoch seconds ({shapeName})");
                }

                break;
            default:
                errors.Add($"{path}: shape type {type} is not checked by this test");
                break;
        }
    }

    private static void CheckRange(JsonElement shape, long actual, string path, string unit, List<string> errors)
    {
        if (shape.TryGetProperty("min", out var min) && actual < min.GetInt64())
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {actual} {unit}, below the model's min {min.GetInt64()}"));
        }

        if (shape.TryGetProperty("max", out var max) && actual > max.GetInt64())
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {actual} {unit}, above the model's max {max.GetInt64()}"));
        }
    }
}
