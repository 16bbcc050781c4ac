namespace ComplianceReport.Aws.Client;

/// <summary>
/// What a JSON 1.1 service needs on the wire, taken from its model in <c>shared/aws-models</c>
/// (<c>metadata.targetPrefix</c>, <c>signingName</c>, <c>endpointPrefix</c>, <c>serviceId</c>).
/// </summary>
/// <param name="EnvironmentSuffix">The suffix of <c>AWS_ENDPOINT_URL_*</c> the AWS SDKs derive from the service id.</param>
/// <param name="SigningRegion">Fixed signing region for global services (Organizations signs in us-east-1).</param>
public sealed record AwsJsonService(
    string ServiceId,
    string TargetPrefix,
    string SigningName,
    string EndpointPrefix,
    string ApiVersion,
    string EnvironmentSuffix,
    string? SigningRegion)
{
    public static AwsJsonService Organizations { get; } =
        new("Organizations", "AWSOrganizationsV20161128", "organizations", "organizations", "2016-11-28", "ORGANIZATIONS", "us-east-1");

    public static AwsJsonService Config { get; } =
        new("Config Service", "StarlingDoveService", "config", "config", "2014-11-12", "CONFIG_SERVICE", null);

    /// <summary>The <c>X-Amz-Target</c> header value of an operation.</summary>
    public string TargetOf(string operation) => $"{TargetPrefix}.{operation}";
}
