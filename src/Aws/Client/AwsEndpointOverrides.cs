namespace ComplianceReport.Aws.Client;

/// <summary>
/// Resolves where a client sends requests the way the AWS SDKs do: an explicit URL first, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>; null means the public AWS endpoint.
/// </summary>
public static class AwsEndpointOverrides
{
    public static string? Resolve(string? explicitUrl, string environmentSuffix, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitUrl))
        {
            return explicitUrl;
        }

        environment ??= Environment.GetEnvironmentVariable;
        var specific = environment($"AWS_ENDPOINT_URL_{environmentSuffix}");
        if (!string.IsNullOrWhiteSpace(specific))
        {
            return specific;
        }

        var general = environment("AWS_ENDPOINT_URL");
        return string.IsNullOrWhiteSpace(general) ? null : general;
    }
}
