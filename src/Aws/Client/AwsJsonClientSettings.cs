namespace ComplianceReport.Aws.Client;

/// <summary>Where and how one <see cref="AwsJsonClient"/> talks to its service.</summary>
/// <param name="Region">The AWS region; also the signing region unless the service has a fixed one.</param>
/// <param name="ServiceUrl">An endpoint override (a stand-in, a VPC endpoint); null for the public AWS endpoint.</param>
/// <param name="MaxErrorRetry">Retries the SDK's standard retry mode may make for throttling, 5xx answers and timeouts.</param>
/// <param name="RequestTimeout">How long one attempt may wait for its answer before it is abandoned and retried; null keeps the SDK's 100 s.</param>
public sealed record AwsJsonClientSettings(AwsJsonService Service, string Region, string? ServiceUrl, int MaxErrorRetry = 4, TimeSpan? RequestTimeout = null);
