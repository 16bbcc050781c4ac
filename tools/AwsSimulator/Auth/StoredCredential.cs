namespace ComplianceReport.AwsSimulator.Auth;

/// <summary>A key the simulator accepts; sessions carry a token and an expiry.</summary>
internal sealed record StoredCredential(string AccessKeyId, string SecretAccessKey, string? SessionToken, DateTimeOffset? Expiration, Caller Caller);
