namespace ComplianceReport.Compliance.Model;

/// <summary>Why an account or region was not scanned; stable names for reports and metrics.</summary>
public enum ScanErrorKind
{
    /// <summary>AssumeRole was refused: the role is missing or does not trust the hub.</summary>
    AccessDenied,

    /// <summary>The account is SUSPENDED or pending closure: not scanned by design.</summary>
    Suspended,

    /// <summary>No Config recorder in the region.</summary>
    ConfigNotEnabled,

    /// <summary>AWS kept throttling after the retry budget.</summary>
    Throttled,

    /// <summary>AWS answered with an error we did not expect (code kept in the message).</summary>
    AwsError,

    /// <summary>The call did not finish in time.</summary>
    Timeout,

    /// <summary>An AWS answer could not be read (malformed or truncated).</summary>
    MalformedResponse,

    /// <summary>Anything else; the message says what.</summary>
    Internal,
}
