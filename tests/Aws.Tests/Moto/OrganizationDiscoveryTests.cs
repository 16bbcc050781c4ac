using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.Discovery;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Aws.Tests.Support;
using ComplianceReport.Compliance.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceReport.Aws.Tests.Moto;

[Collection(MotoCollection.Name)]
public sealed class OrganizationDiscoveryTests(MotoOrganization organization)
{
    private OrganizationDiscovery Discovery(CountingStsClient sts, List<string>? parentIds = null, List<string>? exclude = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new OrganizationOptions
        {
            ManagementAccountId = MotoOrganization.ManagementAccountId,
            ParentIds = parentIds ?? [],
            ExcludeAccountIds = exclude ?? [],
            Regions = ["us-east-1"],
        });
        var aws = Microsoft.Extensions.Options.Options.Create(new AwsOptions { ServiceUrl = organization.Endpoint });
        var sessions = new AccountSessionFactory(sts, options, aws, TimeProvider.System);
        var limiter = new RequestRateLimiter(Microsoft.Extensions.Options.Options.Create(new ScanOptions { RequestsPerSecond = 100, RequestsBurst = 10 }), TimeProvider.System);
        return new OrganizationDiscovery(sessions, new AwsClientFactory(aws), limiter, options, NullLogger<OrganizationDiscovery>.Instance);
    }

    [Fact]
    public async Task Discovery_returns_every_account_with_its_ou_path_minus_exclusions_in_a_stable_order()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);

        var accounts = await Discovery(sts, exclude: [organization.ExcludedAccountId]).DiscoverAsync(CancellationToken.None);

        var expected = organization.ExpectedPaths.Where(p => p.Key != organization.ExcludedAccountId).ToDictionary();
        Assert.True(expected.Count >= 45);
        Assert.Equal(expected.Count, accounts.Count);
        Assert.Equal(expected.OrderBy(p => p.Key), accounts.Select(a => KeyValuePair.Create(a.AccountId, a.OuPath)).OrderBy(p => p.Key));
        Assert.DoesNotContain(accounts, a => a.AccountId == organization.ExcludedAccountId);
        Assert.Equal(
            accounts.OrderBy(a => a.OuPath, StringComparer.Ordinal).ThenBy(a => a.AccountId, StringComparer.Ordinal).Select(a => a.AccountId),
            accounts.Select(a => a.AccountId));
        var member = accounts.First(a => a.AccountId != MotoOrganization.ManagementAccountId && a.AccountId != organization.SuspendedAccountId);
        Assert.StartsWith("member-", member.Name, StringComparison.Ordinal);
        Assert.Equal($"{member.Name}@example.com", member.Email);
        Assert.Equal(1, sts.AssumeRoleCalls($"arn:aws:iam::{MotoOrganization.ManagementAccountId}:role/system-config-report-generator-list-org-role"));
    }

    [Fact]
    public async Task A_suspended_account_is_returned_and_marked()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);

        var accounts = await Discovery(sts).DiscoverAsync(CancellationToken.None);

        var suspended = Assert.Single(accounts, a => a.Status == AccountStatus.Suspended);
        Assert.Equal(organization.SuspendedAccountId, suspended.AccountId);
        Assert.Equal("Root/Dev", suspended.OuPath);
    }

    [Fact]
    public async Task Parent_ids_limit_discovery_to_their_subtrees_with_full_paths()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);

        var accounts = await Discovery(sts, parentIds: [organization.PaymentsOuId]).DiscoverAsync(CancellationToken.None);

        var expected = organization.ExpectedPaths.Where(p => p.Value.StartsWith("Root/Prod/Payments", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(35, expected.Count);
        Assert.Equal(expected.OrderBy(p => p.Key), accounts.Select(a => KeyValuePair.Create(a.AccountId, a.OuPath)).OrderBy(p => p.Key));
    }

    [Fact]
    public async Task An_unknown_parent_id_is_reported_by_name()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);

        var error = await Assert.ThrowsAsync<ComplianceReport.Compliance.ScanFailedException>(
            () => Discovery(sts, parentIds: ["ou-zzzz-zzzzzzzz"]).DiscoverAsync(CancellationToken.None));

        Assert.Contains("ou-zzzz-zzzzzzzz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_names_every_account_the_walk_finds_without_ou_paths()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);
        var discovery = Discovery(sts, exclude: [organization.ExcludedAccountId]);

        var preview = await discovery.PreviewAccountsAsync(CancellationToken.None).ToListAsync();
        var walked = await discovery.DiscoverAsync(CancellationToken.None);

        Assert.Equal(walked.Select(a => a.AccountId).Order(StringComparer.Ordinal), preview.Select(a => a.AccountId).Order(StringComparer.Ordinal));
        Assert.All(preview, a => Assert.Equal(string.Empty, a.OuPath));
        Assert.Equal(
            walked.Select(a => (a.AccountId, a.Name, a.Email, a.Status)).OrderBy(a => a.AccountId, StringComparer.Ordinal),
            preview.Select(a => (a.AccountId, a.Name, a.Email, a.Status)).OrderBy(a => a.AccountId, StringComparer.Ordinal));
        Assert.Equal(1, sts.AssumeRoleCalls($"arn:aws:iam::{MotoOrganization.ManagementAccountId}:role/system-config-report-generator-list-org-role"));
    }

    [Fact]
    public async Task A_walk_scoped_to_some_ous_has_no_preview()
    {
        using var sts = new CountingStsClient(TestCredentials.Hub, organization.Endpoint);

        var preview = await Discovery(sts, parentIds: [organization.PaymentsOuId]).PreviewAccountsAsync(CancellationToken.None).ToListAsync();

        Assert.Empty(preview);
    }
}
