namespace ComplianceReport.Aws.Options;

/// <summary>
/// Configuration section <c>Aws</c> (optional): where the hub's AWS calls go. Without it the
/// standard <c>AWS_ENDPOINT_URL</c>/<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variables apply, then AWS itself.
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";

    /// <summary>One endpoint for STS, Organizations and Config (the demo's simulator); wins over the environment.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The hub's region, for STS; defaults to <c>AWS_REGION</c>, then us-east-1.</summary>
    public string? Region { get; set; }

    /// <summary>Retries of throttled or 5xx calls in the SDK's standard retry mode.</summary>
    public int MaxErrorRetry { get; set; } = 4;

    /// <summary>
    /// How long one attempt of an AWS call may wait for its answer; a slower attempt is abandoned and
    /// retried like a 5xx. AWS answers these read calls in well under a second.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Lifetime asked for assumed-role sessions; role chaining caps it at one hour.</summary>
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry a session is renewed.</summary>
    public TimeSpan SessionRefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    public string ResolveRegion() =>
        !string.IsNullOrWhiteSpace(Region) ? Region
        : Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } region ? region
        : "us-east-1";
}
