using Amazon.Runtime;

namespace ComplianceReport.Aws.Tests.Support;

public static class TestCredentials
{
    /// <summary>The hub identity the tests sign with; moto accepts any key pair (account 123456789012).</summary>
    public static AWSCredentials Hub { get; } = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
}
