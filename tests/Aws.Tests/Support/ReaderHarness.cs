using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.Compliance;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceReport.Aws.Tests.Support;

/// <summary>A Config reader wired to one stub server for STS and Config.</summary>
public sealed class ReaderHarness : IAsyncDisposable
{
    private readonly CountingStsClient _sts;
    private readonly AccountSessionFactory _sessions;

    public ReaderHarness(FakeConfigService config)
    {
        Server = StubAwsServer.Start(request => request.Target is null ? StsAnswer(request) : config.Handle(request));
        _sts = new CountingStsClient(TestCredentials.Hub, Server.Endpoint);
        var aws = Microsoft.Extensions.Options.Options.Create(new AwsOptions { ServiceUrl = Server.Endpoint, MaxErrorRetry = 2 });
        _sessions = new AccountSessionFactory(
            _sts,
            Microsoft.Extensions.Options.Options.Create(new OrganizationOptions { ManagementAccountId = "123456789012", Regions = ["eu-west-1"] }),
            aws,
            TimeProvider.System);

        // Fast limits keep the unit tests short; the acceptance test runs at 1 request/s.
        var limiter = new RequestRateLimiter(Microsoft.Extensions.Options.Options.Create(new ScanOptions { RequestsPerSecond = 200, RequestsBurst = 10 }), TimeProvider.System);
        Reader = new ConfigComplianceReader(_sessions, new AwsClientFactory(aws), limiter, TimeProvider.System, NullLogger<ConfigComplianceReader>.Instance);
    }

    public StubAwsServer Server { get; }

    public IComplianceReader Reader { get; }

    public async ValueTask DisposeAsync()
    {
        _sessions.Dispose();
        _sts.Dispose();
        await Server.DisposeAsync();
    }

    private static StubResponse StsAnswer(StubRequest request) => new(200, """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>ASIASTUBREADER000001</AccessKeyId>
              <SecretAccessKey>reader-secret</SecretAccessKey>
              <SessionToken>reader-token</SessionToken>
              <Expiration>2099-01-01T00:00:00Z</Expiration>
            </Credentials>
            <AssumedRoleUser>
              <AssumedRoleId>AROASTUB:system-config-report-generator</AssumedRoleId>
              <Arn>arn:aws:sts::111111111111:assumed-role/system-config-report-generator-read-role/system-config-report-generator</Arn>
            </AssumedRoleUser>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>req-sts</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """, "text/xml");
}
