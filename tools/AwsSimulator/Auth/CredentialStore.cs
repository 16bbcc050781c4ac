using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ComplianceReport.AwsSimulator.Auth;

/// <summary>The hub key and every session AssumeRole handed out (kept for the simulator's lifetime).</summary>
internal sealed class CredentialStore
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly ConcurrentDictionary<string, StoredCredential> _credentials = new(StringComparer.Ordinal);

    public CredentialStore(string hubKeyId, string hubSecret, string hubAccountId)
    {
        var hub = new Caller(CallerKind.Hub, hubAccountId, $"arn:aws:iam::{hubAccountId}:user/system-config-report-generator", "AIDASIMHUBUSER000001");
        _credentials[hubKeyId] = new StoredCredential(hubKeyId, hubSecret, null, null, hub);
    }

    public StoredCredential? Find(string accessKeyId) => _credentials.GetValueOrDefault(accessKeyId);

    public StoredCredential IssueSession(Caller caller, DateTimeOffset expiration)
    {
        var credential = new StoredCredential(
            "ASIA" + RandomNumberGenerator.GetString(KeyAlphabet, 16),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            "FwoGZXIvYXdzE" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
            expiration,
            caller);
        _credentials[credential.AccessKeyId] = credential;
        return credential;
    }
}
