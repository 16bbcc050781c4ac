namespace ComplianceReport.Compliance.Ports;

/// <summary>
/// An assumed-role session in one target account. Opaque to grains: they hold it in memory only
/// (never persisted) and hand it back to the scanner. The adapter refreshes it before expiry.
/// </summary>
public interface IAccountSession
{
    string AccountId { get; }

    /// <summary>When the current credentials expire, if they were obtained yet.</summary>
    DateTimeOffset? Expiration { get; }
}
