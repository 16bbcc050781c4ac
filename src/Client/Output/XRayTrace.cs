using System.Text.RegularExpressions;

namespace ComplianceReport.Client.Output;

/// <summary>
/// A W3C trace id (32 hex digits, as the silo records it) in X-Ray's form, <c>1-</c> + 8 + <c>-</c> + 24
/// digits, with a link to the trace in the CloudWatch console of the region the traces go to
/// (<c>AWS_REGION</c>, as ECS sets it for the CLI task).
/// </summary>
public static partial class XRayTrace
{
    public static string? IdOf(string? w3cTraceId) =>
        w3cTraceId is not null && W3cTraceId().IsMatch(w3cTraceId) ? $"1-{w3cTraceId[..8]}-{w3cTraceId[8..]}" : null;

    /// <summary>The label's text: the X-Ray id, and the console link when a region is known; null for no (or a malformed) id.</summary>
    public static string? Describe(string? w3cTraceId) =>
        Describe(w3cTraceId, Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));

    public static string? Describe(string? w3cTraceId, string? region)
    {
        var id = IdOf(w3cTraceId);
        if (id is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(region) || !RegionName().IsMatch(region)
            ? id
            : $"{id}  https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#xray:traces/{id}";
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex W3cTraceId();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
