using Amazon.Runtime;
using ComplianceReport.Compliance;

namespace ComplianceReport.Aws.Sessions;

/// <summary>
/// An assumed-role session in one account. The role is assumed on first use, the credentials are
/// renewed before they expire, and concurrent users share one AssumeRole call.
/// </summary>
public sealed class AccountSession
{
    private readonly AssumedRoleCredentials _credentials;

    internal AccountSession(string accountId, AssumedRoleCredentials credentials)
    {
        AccountId = accountId;
        _credentials = credentials;
    }

    public string AccountId { get; }

    public string RoleArn => _credentials.RoleArn;

    /// <summary>When the current credentials expire, if they were obtained yet.</summary>
    public DateTimeOffset? Expiration => _credentials.CurrentExpiration;

    /// <summary>The session's AWS credentials for SDK clients (they refresh themselves).</summary>
    public AWSCredentials Credentials => _credentials;

    internal AssumedRoleCredentials RoleCredentials => _credentials;

    /// <summary>Assumes the role now if it was not yet (or is about to expire).</summary>
    /// <exception cref="ScanFailedException">The role was denied or missing; the error says which.</exception>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ScanFailedException && ex.InnerException is ScanFailedException inner)
        {
            throw new ScanFailedException(inner.Error, inner);
        }
    }
}
