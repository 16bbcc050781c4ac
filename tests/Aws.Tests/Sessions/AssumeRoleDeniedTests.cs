using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Aws.Tests.Support;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Aws.Tests.Sessions;

public sealed class AssumeRoleDeniedTests
{
    private const string StsAccessDenied = """
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error>
            <Type>Sender</Type>
            <Code>AccessDenied</Code>
            <Message>User: arn:aws:sts::999999999999:assumed-role/system-config-report-generator-write-role/task is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/system-config-report-generator-read-role</Message>
          </Error>
          <RequestId>4b3c9f0e-denied</RequestId>
        </ErrorResponse>
        """;

    [Fact]
    public async Task A_denied_role_gives_a_precise_reason_not_a_stack_trace()
    {
        await using var server = StubAwsServer.Start(_ => new StubResponse(403, StsAccessDenied, "text/xml"));
        using var sts = new CountingStsClient(TestCredentials.Hub, server.Endpoint);
        using var factory = new AccountSessionFactory(
            sts,
            Microsoft.Extensions.Options.Options.Create(new OrganizationOptions { ManagementAccountId = "999999999999", Regions = ["us-east-1"] }),
            Microsoft.Extensions.Options.Options.Create(new AwsOptions { ServiceUrl = server.Endpoint }),
            TimeProvider.System);
        var session = factory.Create("123456789012");

        var error = await Assert.ThrowsAsync<ScanFailedException>(() => session.EnsureAsync(CancellationToken.None));

        Assert.Equal(ScanErrorKind.AccessDenied, error.Error.Kind);
        Assert.Equal("AccessDenied", error.Error.Code);
        Assert.Equal("role not found or not trusted: arn:aws:iam::123456789012:role/system-config-report-generator-read-role", error.Error.Message);
        Assert.Null(session.Expiration);
        Assert.Contains("Action=AssumeRole", server.Requests.First().Body, StringComparison.Ordinal);
    }
}
