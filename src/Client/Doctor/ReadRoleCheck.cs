using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.ConfigService;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Compliance;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Client.Doctor;

/// <summary>
/// The read role in every account in scope (or a sample): assumable, a Config recorder recording in
/// each configured region, one cheap Config read. Accounts run in parallel up to
/// <c>Scan:MaxConcurrentAccounts</c>, every call through the scan's rate limiter.
/// </summary>
public sealed class ReadRoleCheck(
    AccountSessionFactory sessions,
    AwsClientFactory clients,
    RequestRateLimiter limiter,
    IOptions<OrganizationOptions> organization,
    IOptions<ScanOptions> scan) : IDoctorCheck
{
    public string Name => "read role";

    public async Task<IReadOnlyList<DoctorCheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.Accounts is not { } accounts)
        {
            return [DoctorCheckResult.Skip(Name, "not checked: the organization could not be listed")];
        }

        var chosen = Sample(accounts.Select(a => a.AccountId).ToList(), context.Sample);
        using var gate = new SemaphoreSlim(Math.Max(1, scan.Value.MaxConcurrentAccounts));
        var rows = await Task.WhenAll(chosen.Select(async accountId =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await CheckAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Evenly spread over the list, so a sample is not only the oldest accounts.</summary>
    internal static IReadOnlyList<string> Sample(IReadOnlyList<string> accounts, int? size)
    {
        if (size is not { } n || n >= accounts.Count)
        {
            return accounts;
        }

        return [.. Enumerable.Range(0, n).Select(i => accounts[(int)((long)i * accounts.Count / n)])];
    }

    private async Task<DoctorCheckResult> CheckAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var name = $"read role {accountId}";
        var options = organization.Value;
        var session = sessions.Create(accountId);
        try
        {
            await session.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ScanFailedException ex)
        {
            return DoctorCheckResult.Fail(name, ex.Error.Message,
                $"Deploy the read-role StackSet (deploy/cloudformation/spoke.yaml) to account {accountId}, trusting the hub's write role, or add it to Organization:ExcludeAccountIds.");
        }

        var notRecording = new List<string>();
        foreach (var region in options.Regions)
        {
            using var client = clients.CreateConfig(session.Credentials, region);
            var config = new ConfigServiceClient(client, limiter.For(accountId, region));
            try
            {
                var recorders = await config.DescribeConfigurationRecorderStatusAsync(cancellationToken).ConfigureAwait(false);
                if (!recorders.Any(r => r.Recording == true))
                {
                    notRecording.Add(region);
                    continue;
                }

                await config.DescribeComplianceByConfigRuleAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode is "NoSuchConfigurationRecorderException" or "NoAvailableConfigurationRecorderException")
            {
                notRecording.Add(region);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return DoctorCheckResult.Fail(name, $"Config read in {region} failed: {DoctorText.FirstLine(ex.Message)}",
                    "Redeploy the read-role StackSet so the role allows config:Describe* and config:Get*, and check Organization:Regions.");
            }
        }

        if (notRecording.Count > 0)
        {
            return DoctorCheckResult.Fail(name, $"no Config recorder recording in {string.Join(", ", notRecording)}",
                $"Turn on AWS Config recording in {string.Join(", ", notRecording)} of account {accountId} (aws configservice start-configuration-recorder), or remove the region from Organization:Regions.");
        }

        return DoctorCheckResult.Pass(name, $"assumed; recording and readable in {string.Join(", ", options.Regions)}");
    }
}
