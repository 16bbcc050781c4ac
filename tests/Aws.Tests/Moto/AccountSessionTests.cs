using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Aws.Tests.Support;

namespace ComplianceReport.Aws.Tests.Moto;

[Collection(MotoCollection.Name)]
public sealed class AccountSessionTests(MotoOrganization organization)
{
    private static readonly string[] Accounts = ["111111111111", "222222222222", "333333333333"];

    private AccountSessionFactory Factory(CountingStsClient sts, TimeProvider time) => new(
        sts,
        Microsoft.Extensions.Options.Options.Create(new OrganizationOptions { ManagementAccountId = MotoOrganization.ManagementAccountId, ExternalId = "report-external-id", Regions = ["us-east-1"] }),
        Microsoft.Extensions.Options.Options.Create(new AwsOptions { ServiceUrl = organization.Endpoint }),
        time);

    private static string ReadRole(string accountId) => $"arn:aws:iam::{accountId}:role/system-config-report-generator-read-role";

    private async Task<string> CallerAccountAsync(AccountSession session)
    {
        using var sts = new AmazonSecurityTokenServiceClient(session.Credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = organization.Endpoint, AuthenticationRegion = "us-east-1" });
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        return identity.Account;
    }

    [Fact]
    public async Task Each_session_acts_in_its_own_account_and_is_reused_within_its_lifetime()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);
        using var factory = Factory(sts, TimeProvider.System);

        foreach (var accountId in Accounts)
        {
            var session = factory.Create(accountId);
            Assert.Equal(accountId, await CallerAccountAsync(session));
            Assert.Equal(accountId, await CallerAccountAsync(factory.Create(accountId)));
            await session.EnsureAsync(CancellationToken.None);
            Assert.Equal(ReadRole(accountId), session.RoleArn);
            Assert.True(session.Expiration > DateTimeOffset.UtcNow.AddMinutes(50));
        }

        Assert.All(Accounts, accountId => Assert.Equal(1, sts.AssumeRoleCalls(ReadRole(accountId))));
        Assert.Equal(Accounts.Length, sts.TotalAssumeRoleCalls);
    }

    [Fact]
    public async Task Concurrent_callers_for_one_account_share_one_assume_role()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);
        using var factory = Factory(sts, TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => factory.Create("444444444444").EnsureAsync(CancellationToken.None))));

        Assert.Equal(1, sts.AssumeRoleCalls(ReadRole("444444444444")));
    }
}
