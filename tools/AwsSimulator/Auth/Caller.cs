namespace ComplianceReport.AwsSimulator.Auth;

/// <summary>Who signed a request: what GetCallerIdentity reports and what the IAM checks look at.</summary>
internal sealed record Caller(CallerKind Kind, string AccountId, string Arn, string UserId);
