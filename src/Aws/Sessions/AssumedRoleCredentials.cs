using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Aws.Sessions;

/// <summary>
/// Credentials of one assumed role, cached and renewed by the SDK's <see cref="RefreshingAWSCredentials"/>
/// (which also makes concurrent callers wait for one refresh). Unlike the SDK's
/// AssumeRoleAWSCredentials it uses our STS client, so the endpoint, hub credentials and counting
/// in tests are ours; and it turns a refusal into a precise <see cref="ScanFailedException"/>.
/// </summary>
internal sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private readonly IAmazonSecurityTokenService _sts;
    private readonly AssumeRoleRequest _template;
    private readonly SdkTimeProvider _time;

    public AssumedRoleCredentials(IAmazonSecurityTokenService sts, string roleArn, string? externalId, TimeSpan duration, TimeSpan refreshBefore, TimeProvider time)
        : this(sts, roleArn, externalId, duration, refreshBefore, new SdkTimeProvider(time))
    {
    }

    private AssumedRoleCredentials(IAmazonSecurityTokenService sts, string roleArn, string? externalId, TimeSpan duration, TimeSpan refreshBefore, SdkTimeProvider time)
        : base(time)
    {
        _sts = sts;
        _time = time;
        RoleArn = roleArn;
        _template = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = "system-config-report-generator",
            DurationSeconds = (int)duration.TotalSeconds,
            ExternalId = string.IsNullOrEmpty(externalId) ? null : externalId,
        };
        PreemptExpiryTime = refreshBefore;
    }

    public string RoleArn { get; }

    /// <summary>When the credentials last obtained expire.</summary>
    public DateTimeOffset? CurrentExpiration { get; private set; }

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        AssumeRoleResponse response;
        try
        {
            response = await _sts.AssumeRoleAsync(
                new AssumeRoleRequest
                {
                    RoleArn = _template.RoleArn,
                    RoleSessionName = _template.RoleSessionName,
                    DurationSeconds = _template.DurationSeconds,
                    ExternalId = _template.ExternalId,
                }).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw new ScanFailedException(Describe(ex), ex);
        }
        catch (TimeoutException ex)
        {
            var timeout = _sts.Config.Timeout is { } limit ? $"{limit.TotalSeconds:0.###} s" : "the SDK's timeout";
            throw new ScanFailedException(
                new ScanError(ScanErrorKind.Timeout, $"STS AssumeRole of {RoleArn} got no answer within {timeout} (Aws:RequestTimeout) on its last attempt"), ex);
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException)
        {
            throw new ScanFailedException(new ScanError(ScanErrorKind.AwsError, $"could not reach STS to assume {RoleArn}: {ex.Message}"), ex);
        }

        var credentials = response.Credentials
            ?? throw new ScanFailedException(new ScanError(ScanErrorKind.MalformedResponse, $"STS returned no credentials for {RoleArn}"));
        var expiration = DateTime.SpecifyKind(credentials.Expiration ?? _time.CorrectedUtcNow.AddSeconds(_template.DurationSeconds ?? 3600), DateTimeKind.Utc);
        CurrentExpiration = new DateTimeOffset(expiration);
        return new CredentialsRefreshState(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            expiration,
            _time);
    }

    private ScanError Describe(AmazonServiceException ex) => ex.ErrorCode switch
    {
        "AccessDenied" or "AccessDeniedException" or "NoSuchEntity" =>
            new ScanError(ScanErrorKind.AccessDenied, $"role not found or not trusted: {RoleArn}", ex.ErrorCode),
        "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "UnrecognizedClientException" =>
            new ScanError(ScanErrorKind.AccessDenied, $"the hub credentials were rejected by STS ({ex.ErrorCode}) when assuming {RoleArn}", ex.ErrorCode),
        "RegionDisabledException" =>
            new ScanError(ScanErrorKind.AccessDenied, $"STS is not activated in the hub's region, so {RoleArn} cannot be assumed", ex.ErrorCode),
        _ when ex.StatusCode == HttpStatusCode.TooManyRequests || ex.ErrorCode is "Throttling" or "ThrottlingException" =>
            new ScanError(ScanErrorKind.Throttled, $"STS kept throttling AssumeRole on {RoleArn}", ex.ErrorCode),
        _ => new ScanError(ScanErrorKind.AwsError, $"AssumeRole on {RoleArn} failed: {ex.ErrorCode} {ex.Message}", ex.ErrorCode),
    };
}
