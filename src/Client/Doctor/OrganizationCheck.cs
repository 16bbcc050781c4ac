using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.Organizations;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Client.Doctor;

/// <summary>The list-org role: assumed, roots listed, accounts counted, organization described; then the accounts in scope.</summary>
public sealed class OrganizationCheck(
    AccountSessionFactory sessions,
    AwsClientFactory clients,
    RequestRateLimiter limiter,
    IOrganizationDiscovery discovery,
    IOptions<OrganizationOptions> options) : IDoctorCheck
{
    public string Name => "list-org role";

    public async Task<IReadOnlyList<DoctorCheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var organization = options.Value;
        var role = AccountSessionFactory.RoleArn(organization.ManagementAccountId, organization.ListOrgRoleName);
        var session = sessions.CreateOrganizationListSession();
        try
        {
            await session.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ScanFailedException ex)
        {
            return [DoctorCheckResult.Fail(Name, $"cannot assume {role}: {ex.Error.Message}",
                $"Deploy deploy/cloudformation/management.yaml in account {organization.ManagementAccountId} (it trusts the hub's write role), or set Organization:ManagementAccountId / Organization:ListOrgRoleName / Organization:ExternalId to match it.")];
        }

        try
        {
            using var client = clients.CreateOrganizations(session.Credentials);
            var orgs = new OrganizationsClient(client, limiter.For(session.AccountId, "organizations"));
            var roots = await orgs.ListRootsAsync(cancellationToken).ConfigureAwait(false);
            var accounts = await orgs.ListAccountsAsync(cancellationToken).ConfigureAwait(false);
            var described = await orgs.DescribeOrganizationAsync(cancellationToken).ConfigureAwait(false);
            var scoped = await discovery.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            context.Accounts = [.. scoped.Where(a => a.Status == AccountStatus.Active)];
            return [DoctorCheckResult.Pass(Name,
                $"organization {described.Id}: {roots.Count} root(s), {accounts.Count} accounts, {context.Accounts.Count} active in scope")];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [DoctorCheckResult.Fail(Name, $"{role} was assumed but reading the organization failed: {DoctorText.FirstLine(ex.Message)}",
                "Redeploy deploy/cloudformation/management.yaml so the role allows organizations:ListRoots, ListAccounts, ListAccountsForParent, ListOrganizationalUnitsForParent and DescribeOrganization, and check Organization:ParentIds.")];
        }
    }
}
