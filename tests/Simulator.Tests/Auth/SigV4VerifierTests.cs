using ComplianceReport.AwsSimulator.Auth;
using Microsoft.AspNetCore.Http;

namespace ComplianceReport.Simulator.Tests.Auth;

/// <summary>The verifier against the worked example of the AWS SigV4 documentation (IAM ListUsers, 2015-08-30).</summary>
public sealed class SigV4VerifierTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Target = "/?Action=ListUsers&Version=2010-05-08";
    private const string DocumentedSignature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    private static readonly StoredCredential Example = new(
        "AKIDEXAMPLE", Secret, null, null, new Caller(CallerKind.Hub, "123456789012", "arn:aws:iam::123456789012:user/example", "AIDAEXAMPLE"));

    [Fact]
    public void The_documented_example_verifies()
    {
        var result = Verify(Headers(DocumentedSignature), Target);

        Assert.Equal(SignatureCheck.Valid, result.Check);
        Assert.Equal(("us-east-1", "iam"), (result.Region, result.Service));
    }

    [Fact]
    public void A_changed_request_or_signature_does_not_verify()
    {
        Assert.Equal(SignatureCheck.Mismatch, Verify(Headers(DocumentedSignature), "/?Action=ListUsers&Version=2010-05-09").Check);
        Assert.Equal(SignatureCheck.Mismatch, Verify(Headers(DocumentedSignature.Replace('5', '6')), Target).Check);
        var changedHeader = Headers(DocumentedSignature);
        changedHeader["Content-Type"] = "application/json";
        Assert.Equal(SignatureCheck.Mismatch, Verify(changedHeader, Target).Check);
    }

    [Fact]
    public void Unknown_keys_missing_and_malformed_headers_are_told_apart()
    {
        var unknown = Headers(DocumentedSignature);
        unknown["Authorization"] = unknown["Authorization"].ToString().Replace("AKIDEXAMPLE", "AKIDOTHER", StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.UnknownKey, Verify(unknown, Target).Check);

        var missing = Headers(DocumentedSignature);
        missing.Remove("Authorization");
        Assert.Equal(SignatureCheck.MissingAuthentication, Verify(missing, Target).Check);

        var malformed = Headers(DocumentedSignature);
        malformed["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request";
        Assert.Equal(SignatureCheck.Malformed, Verify(malformed, Target).Check);
    }

    private static SignatureResult Verify(IHeaderDictionary headers, string target) =>
        SigV4Verifier.Verify("GET", target, headers, [], key => key == Example.AccessKeyId ? Example : null);

    private static HeaderDictionary Headers(string signature) => new()
    {
        ["Host"] = "iam.amazonaws.com",
        ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
        ["X-Amz-Date"] = "20150830T123600Z",
        ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
            $"SignedHeaders=content-type;host;x-amz-date, Signature={signature}",
    };
}
