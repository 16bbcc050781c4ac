using System.Globalization;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Aws.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReport.Aws.Tests.Sessions;

/// <summary>
/// Refresh timing against a stub STS whose credentials expire one hour after the fake clock's now
/// (moto's expiry follows the real clock, which a fake clock cannot move).
/// </summary>
public sealed class SessionRefreshTests
{
    private const string RoleArn = "arn:aws:iam::555555555555:role/system-config-report-generator-read-role";

    private static StubResponse AssumeRoleAnswer(FakeTimeProvider clock, int call) => new(200, $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>ASIASTUBKEY{call:D4}</AccessKeyId>
              <SecretAccessKey>secret-{call}</SecretAccessKey>
              <SessionToken>token-{call}</SessionToken>
              <Expiration>{clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}</Expiration>
            </Credentials>
            <AssumedRoleUser>
              <AssumedRoleId>AROASTUB:system-config-report-generator</AssumedRoleId>
              <Arn>arn:aws:sts::555555555555:assumed-role/system-config-report-generator-read-role/system-config-report-generator</Arn>
            </AssumedRoleUser>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>req-{call}</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """, "text/xml");

    [Fact]
    public async Task A_session_is_renewed_inside_the_refresh_window_and_not_before()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var calls = 0;
        await using var server = StubAwsServer.Start(_ => AssumeRoleAnswer(clock, Interlocked.Increment(ref calls)));
        using var sts = new CountingStsClient(TestCredentials.Hub, server.Endpoint);
        using var factory = new AccountSessionFactory(
            sts,
            Microsoft.Extensions.Options.Options.Create(new OrganizationOptions { ManagementAccountId = "123456789012", ExternalId = "report-external-id", Regions = ["us-east-1"] }),
            Microsoft.Extensions.Options.Options.Create(new AwsOptions { ServiceUrl = server.Endpoint }),
            clock);
        var session = factory.Create("555555555555");

        await session.EnsureAsync(CancellationToken.None);
        Assert.Equal(clock.GetUtcNow().AddHours(1), session.Expiration);
        clock.Advance(TimeSpan.FromMinutes(30));
        await session.EnsureAsync(CancellationToken.None);
        Assert.Equal(1, sts.AssumeRoleCalls(RoleArn));

        // 56 minutes into the one-hour session: inside the 5-minute window, so it is renewed.
        clock.Advance(TimeSpan.FromMinutes(26));
        await session.EnsureAsync(CancellationToken.None);
        var renewed = await WaitForKeyAsync(session, "ASIASTUBKEY0002");
        Assert.Equal("ASIASTUBKEY0002", renewed);
        Assert.Equal(2, sts.AssumeRoleCalls(RoleArn));

        // Past the expiry of the renewed credentials: the caller waits for fresh ones.
        clock.Advance(TimeSpan.FromHours(2));
        await session.EnsureAsync(CancellationToken.None);
        Assert.Equal("ASIASTUBKEY0003", (await session.Credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal(3, sts.AssumeRoleCalls(RoleArn));

        var request = server.Requests.First().Body;
        Assert.Contains("DurationSeconds=3600", request, StringComparison.Ordinal);
        Assert.Contains("ExternalId=report-external-id", request, StringComparison.Ordinal);
        Assert.Contains("RoleSessionName=system-config-report-generator", request, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForKeyAsync(AccountSession session, string expected)
    {
        // The SDK renews inside the window in the background, so the current caller is not delayed.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string key;
        do
        {
            key = (await session.Credentials.GetCredentialsAsync()).AccessKey;
            if (key == expected)
            {
                break;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return key;
    }
}
