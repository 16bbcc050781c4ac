using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>
/// Debian's awscli reads account tags from the simulator's Organizations (ListTagsForResource,
/// auto-paginated), is refused for the accounts set to deny them, and the shares hold.
/// </summary>
public sealed class AwsCliAccountTagTests
{
    [Fact]
    public async Task Awscli_lists_account_tags_and_sees_the_denied_accounts_refused()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 200, Seed = 7, TagDeniedShare = 0.1 });
        var members = simulator.Organization.Accounts.Where(a => !a.IsManagement).ToList();
        var owned = members.Count(a => a.Tags.Any(t => t.Key is "Owner" or "Team"));
        var denied = members.Count(a => a.TagsDenied);
        Assert.InRange(owned, 130, 190);
        Assert.InRange(denied, 8, 35);
        Assert.Contains(members, a => a.Tags.Any(t => t.Key == "Team"));
        Assert.Contains(members, a => !a.TagsDenied && !a.Tags.Any(t => t.Key is "Owner" or "Team"));
        Assert.DoesNotContain(members, a => a.TagsDenied && a.Tags.Count > 0);

        var cli = new AwsCli(simulator.Endpoint);
        var listOrg = await cli.AssumeRoleAsync((simulator.Options.HubKeyId, simulator.Options.HubSecret, null), simulator.ListOrgRoleArn);
        foreach (var account in members.Where(a => !a.TagsDenied && a.Tags.Count > 1).Take(3))
        {
            var tags = await cli.JsonAsync(listOrg, "us-east-1", "organizations", "list-tags-for-resource", "--resource-id", account.Id);
            Assert.Equal(
                account.Tags.Select(t => $"{t.Key}={t.Value}"),
                tags.GetProperty("Tags").EnumerateArray().Select(t => $"{t.GetProperty("Key").GetString()}={t.GetProperty("Value").GetString()}"));
        }

        var refused = members.First(a => a.TagsDenied);
        var (exitCode, _, stderr) = await cli.RunAsync(listOrg, "us-east-1", ["organizations", "list-tags-for-resource", "--resource-id", refused.Id]);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("(AccessDeniedException)", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = await cli.RunAsync(listOrg, "us-east-1", ["organizations", "list-tags-for-resource", "--resource-id", "999999999999"]);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("(TargetNotFoundException)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_shares_are_validated()
    {
        Assert.Contains("--tag-denied-share", new SimulatorOptions { AccountTagShare = 0.9, TagDeniedShare = 0.2 }.Validate(), StringComparison.Ordinal);
        Assert.Null(new SimulatorOptions { AccountTagShare = 0, TagDeniedShare = 1 }.Validate());
    }
}
