using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace ComplianceReport.Client.Doctor;

/// <summary>The hub credentials work at all (STS GetCallerIdentity).</summary>
public sealed class HubIdentityCheck(IAmazonSecurityTokenService sts) : IDoctorCheck
{
    public string Name => "hub identity";

    public async Task<IReadOnlyList<DoctorCheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return [DoctorCheckResult.Pass(Name, identity.Arn)];
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return [DoctorCheckResult.Fail(Name, $"STS GetCallerIdentity failed: {DoctorText.FirstLine(ex.Message)}",
                "Run with the hub's credentials (on ECS the task role system-config-report-generator-write-role; locally AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE) and check AWS_ENDPOINT_URL_STS / Aws:ServiceUrl.")];
        }
    }
}
