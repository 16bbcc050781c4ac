using System.Text.Json;
using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.Discovery;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Aws.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceReport.Aws.Tests.Moto;

/// <summary>moto_server's Organizations (a real third-party implementation) serves the tags the reader reads.</summary>
[Collection(MotoCollection.Name)]
public sealed class AccountTagReaderMotoTests(MotoOrganization organization)
{
    [Fact]
    public async Task Tags_set_with_TagResource_come_back_per_account_through_the_list_org_role()
    {
        var members = organization.ExpectedPaths.Keys.Where(id => id != MotoOrganization.ManagementAccountId).Order(StringComparer.Ordinal).ToList();
        var owned = members[0];
        var team = members[1];
        using (var client = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Organizations, "us-east-1", organization.Endpoint)))
        {
            await client.InvokeAsync<object, JsonElement>("TagResource", new { ResourceId = owned, Tags = new[] { new { Key = "Owner", Value = "payments" }, new { Key = "CostCenter", Value = "cc-1234" } } }, CancellationToken.None);
            await client.InvokeAsync<object, JsonElement>("TagResource", new { ResourceId = team, Tags = new[] { new { Key = "Team", Value = "identity" } } }, CancellationToken.None);
        }

        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);
        var tags = await Reader(sts).ReadAsync(new[] { owned, team, members[2] }.ToAsyncEnumerable(), CancellationToken.None);

        Assert.Null(tags.Unavailable);
        Assert.Equal("payments", tags.For(owned)["Owner"]);
        Assert.Equal("cc-1234", tags.For(owned)["CostCenter"]);
        Assert.Equal("identity", tags.For(team)["Team"]);
        Assert.Empty(tags.For(members[2]));
        Assert.Equal(1, sts.AssumeRoleCalls($"arn:aws:iam::{MotoOrganization.ManagementAccountId}:role/system-config-report-generator-list-org-role"));
    }

    private AccountTagReader Reader(CountingStsClient sts)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new OrganizationOptions
        {
            ManagementAccountId = MotoOrganization.ManagementAccountId,
            Regions = ["us-east-1"],
        });
        var aws = Microsoft.Extensions.Options.Options.Create(new AwsOptions { ServiceUrl = organization.Endpoint });
        var sessions = new AccountSessionFactory(sts, options, aws, TimeProvider.System);
        var limiter = new RequestRateLimiter(Microsoft.Extensions.Options.Options.Create(new ScanOptions { RequestsPerSecond = 100, RequestsBurst = 10 }), TimeProvider.System);
        return new AccountTagReader(sessions, new AwsClientFactory(aws), limiter, options, TimeProvider.System, NullLogger<AccountTagReader>.Instance);
    }
}
