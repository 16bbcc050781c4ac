namespace ComplianceReport.AwsSimulator.Auth;

/// <summary>Outcome of SigV4 verification; <see cref="Region"/> and <see cref="Service"/> come from the credential scope.</summary>
internal sealed record SignatureResult(SignatureCheck Check, StoredCredential? Credential, string Region, string Service, string Detail)
{
    public static SignatureResult Fail(SignatureCheck check, string detail) => new(check, null, string.Empty, string.Empty, detail);
}
