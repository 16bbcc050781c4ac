using System.Text.Json;

namespace ComplianceReport.Aws.Tests.Support;

/// <summary>One request as the stub server received it.</summary>
public sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Target => Headers.TryGetValue("X-Amz-Target", out var target) ? target : null;

    /// <summary>The JSON 1.1 operation (after the target prefix), or the query protocol's Action.</summary>
    public string Operation =>
        Target is { } target ? target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..]
        : System.Web.HttpUtility.ParseQueryString(Body)["Action"] ?? string.Empty;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
