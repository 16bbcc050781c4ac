using System.Collections.Concurrent;
using Amazon.SecurityToken;
using ComplianceReport.Aws.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Sessions;

/// <summary>
/// The AssumeRole source's session cache: one assumed-role session per role, kept in memory only
/// (never persisted) for the life of the process, so each account costs one STS call per session
/// lifetime however many scans and regions use it. Sessions are the read role in each target
/// account and the list-org role in the management account, assumed from the hub credentials.
/// </summary>
public sealed class AccountSessionFactory : IDisposable
{
    private readonly IAmazonSecurityTokenService _sts;
    private readonly OrganizationOptions _organization;
    private readonly AwsOptions _aws;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<AccountSession>> _sessions = new(StringComparer.Ordinal);

    public AccountSessionFactory(IAmazonSecurityTokenService sts, IOptions<OrganizationOptions> organization, IOptions<AwsOptions> aws, TimeProvider time)
    {
        _sts = sts;
        _organization = organization.Value;
        _aws = aws.Value;
        _time = time;
    }

    /// <summary>The read role (<c>Organization:ReadRoleName</c>) in <paramref name="accountId"/>; assumed on first use.</summary>
    public AccountSession Create(string accountId) => GetOrCreate(accountId, _organization.ReadRoleName);

    /// <summary>The list-org role (<c>Organization:ListOrgRoleName</c>) in the management account.</summary>
    public AccountSession CreateOrganizationListSession() => GetOrCreate(_organization.ManagementAccountId, _organization.ListOrgRoleName);

    /// <summary>The aggregator read role (<c>Organization:AggregatorRoleName</c>) in <c>Organization:AggregatorAccountId</c>.</summary>
    public AccountSession CreateAggregatorSession() =>
        GetOrCreate(_organization.AggregatorAccountId ?? throw new InvalidOperationException("Organization:AggregatorAccountId is not set."), _organization.AggregatorRoleName);

    public static string RoleArn(string accountId, string roleName) => $"arn:aws:iam::{accountId}:role/{roleName}";

    public void Dispose()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsValueCreated))
        {
            session.Value.RoleCredentials.Dispose();
        }
    }

    private AccountSession GetOrCreate(string accountId, string roleName)
    {
        var roleArn = RoleArn(accountId, roleName);

        // Lazy: two racing callers must end up with the same credentials object, hence one AssumeRole.
        return _sessions.GetOrAdd(
            roleArn,
            arn => new Lazy<AccountSession>(() => new AccountSession(
                accountId,
                new AssumedRoleCredentials(_sts, arn, _organization.ExternalId, _aws.SessionDuration, _aws.SessionRefreshBefore, _time)))).Value;
    }
}
