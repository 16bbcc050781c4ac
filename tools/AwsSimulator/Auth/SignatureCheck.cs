namespace ComplianceReport.AwsSimulator.Auth;

internal enum SignatureCheck
{
    Valid,
    MissingAuthentication,
    Malformed,
    UnknownKey,
    Mismatch,
}
