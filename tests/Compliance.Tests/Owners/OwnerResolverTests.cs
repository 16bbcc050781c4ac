using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Options;
using ComplianceReport.Compliance.Owners;

namespace ComplianceReport.Compliance.Tests.Owners;

public sealed class OwnerResolverTests
{
    private static readonly OrganizationAccount Payments = new("111122223333", "payments-prod", "p@example.com", AccountStatus.Active, "Root/Prod/Payments");

    private static readonly Dictionary<string, string> NoTags = [];

    private static OwnerResolver Resolver(Dictionary<string, string>? byOuPath = null, List<string>? keys = null) =>
        new(new OwnerOptions { ByOuPath = byOuPath ?? [], ResourceTagKeys = keys ?? [] });

    private static AccountTags Tags(Dictionary<string, string> tags) =>
        new(new Dictionary<string, IReadOnlyDictionary<string, string>> { [Payments.AccountId] = tags }, null);

    [Fact]
    public void A_resource_tag_wins_over_the_account_tag_and_the_ou_map()
    {
        var owner = Resolver(new() { ["Root/Prod"] = "prod-team" })
            .Resolve(new Dictionary<string, string> { ["Team"] = "payments-sre" }, Payments, Tags(new() { ["Owner"] = "account-owner" }));

        Assert.Equal(new ResolvedOwner("payments-sre", OwnerSource.ResourceTag), owner);
    }

    [Fact]
    public void Tag_keys_are_tried_in_the_configured_order()
    {
        var tags = new Dictionary<string, string> { ["Team"] = "team-tag", ["Owner"] = "owner-tag" };

        Assert.Equal("owner-tag", Resolver().Resolve(tags, Payments, AccountTags.None).Owner);
        Assert.Equal("team-tag", Resolver(keys: ["Team", "Owner"]).Resolve(tags, Payments, AccountTags.None).Owner);
    }

    [Fact]
    public void The_account_tag_applies_when_the_resource_has_none()
    {
        var owner = Resolver(new() { ["Root/Prod"] = "prod-team" }).Resolve(NoTags, Payments, Tags(new() { ["owner"] = "payments@example.com" }));

        Assert.Equal(new ResolvedOwner("payments@example.com", OwnerSource.AccountTag), owner);
    }

    [Fact]
    public void The_most_specific_ou_path_applies_when_no_tag_names_an_owner()
    {
        var owner = Resolver(new() { ["Root/Prod"] = "prod-team", ["Root/Prod/Payments"] = "payments-team", ["Root/Pro"] = "wrong" })
            .Resolve(new Dictionary<string, string> { ["Owner"] = "  " }, Payments, AccountTags.None);

        Assert.Equal(new ResolvedOwner("payments-team", OwnerSource.OuPath), owner);
    }

    [Fact]
    public void An_ou_path_prefix_that_is_not_a_whole_ou_does_not_apply()
    {
        Assert.Equal(ResolvedOwner.Unassigned, Resolver(new() { ["Root/Pro"] = "wrong" }).Resolve(NoTags, Payments, AccountTags.None));
    }

    [Fact]
    public void When_account_tags_were_denied_the_ou_map_still_applies()
    {
        var denied = AccountTags.Denied("AccessDeniedException: not authorized to perform organizations:ListTagsForResource");

        var owner = Resolver(new() { ["Root/Prod"] = "prod-team" }).Resolve(NoTags, Payments, denied);

        Assert.Equal(new ResolvedOwner("prod-team", OwnerSource.OuPath), owner);
        Assert.NotNull(denied.Unavailable);
    }

    [Fact]
    public void Nothing_known_gives_unassigned()
    {
        Assert.Equal(new ResolvedOwner("Unassigned", OwnerSource.Unassigned), Resolver().Resolve(NoTags, Payments, AccountTags.None));
    }
}
