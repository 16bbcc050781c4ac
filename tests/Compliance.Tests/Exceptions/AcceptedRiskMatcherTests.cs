using ComplianceReport.Compliance.Exceptions;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Tests.Exceptions;

public sealed class AcceptedRiskMatcherTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly OrganizationAccount Sandbox = new("111122223333", "sandbox-1", "s@example.com", AccountStatus.Active, "Root/Sandbox");
    private static readonly OrganizationAccount NestedSandbox = new("222233334444", "sandbox-dev", "d@example.com", AccountStatus.Active, "Root/Sandbox/Dev");
    private static readonly OrganizationAccount Prod = new("333344445555", "prod", "p@example.com", AccountStatus.Active, "Root/Prod");

    private static AcceptedRisk Entry(
        string id = "EX-1",
        string[]? accounts = null,
        string[]? regions = null,
        string[]? rules = null,
        string[]? types = null,
        string[]? resources = null,
        DateOnly? expires = null) =>
        new(id, accounts ?? [], regions ?? [], rules ?? [], types ?? [], resources ?? [], "owner", "reason", null, new DateOnly(2026, 11, 1), "ciso", expires ?? new DateOnly(2027, 1, 31), 2);

    private static AcceptedRiskMatch? Match(AcceptedRisk entry, OrganizationAccount account, string region = "eu-west-1", string rule = "restricted-ssh", string type = "AWS::EC2::SecurityGroup", string id = "sg-0abc123", string? name = "bastion") =>
        new AcceptedRiskMatcher([entry]).Match(account, region, rule, type, id, name, Today);

    [Fact]
    public void An_account_id_matches_only_that_account()
    {
        var entry = Entry(accounts: ["111122223333"], rules: ["restricted-ssh"]);

        Assert.NotNull(Match(entry, Sandbox));
        Assert.Null(Match(entry, Prod));
    }

    [Fact]
    public void An_ou_glob_with_one_star_covers_the_accounts_directly_in_that_ou()
    {
        var entry = Entry(accounts: ["Root/Sandbox/*"], rules: ["restricted-ssh"]);

        Assert.NotNull(Match(entry, Sandbox));
        Assert.Null(Match(entry, NestedSandbox));
        Assert.Null(Match(entry, Prod));
    }

    [Fact]
    public void An_ou_glob_with_two_stars_and_a_plain_ou_path_cover_every_account_below()
    {
        foreach (var pattern in new[] { "Root/Sandbox/**", "Root/Sandbox" })
        {
            var entry = Entry(accounts: [pattern], rules: ["restricted-ssh"]);

            Assert.NotNull(Match(entry, Sandbox));
            Assert.NotNull(Match(entry, NestedSandbox));
            Assert.Null(Match(entry, Prod));
        }
    }

    [Fact]
    public void Region_rule_and_type_must_all_match_when_named()
    {
        var entry = Entry(regions: ["eu-west-1"], rules: ["restricted-*"], types: ["AWS::EC2::SecurityGroup"]);

        Assert.NotNull(Match(entry, Prod));
        Assert.Null(Match(entry, Prod, region: "us-east-1"));
        Assert.Null(Match(entry, Prod, rule: "encrypted-volumes"));
        Assert.Null(Match(entry, Prod, type: "AWS::EC2::Instance"));
    }

    [Fact]
    public void A_resource_glob_matches_the_id_or_the_name()
    {
        Assert.NotNull(Match(Entry(resources: ["sg-0abc*"]), Prod));
        Assert.NotNull(Match(Entry(resources: ["bast*"]), Prod));
        Assert.Null(Match(Entry(resources: ["sg-0def*"]), Prod));
        Assert.Null(Match(Entry(resources: ["bast*"]), Prod, name: null));
    }

    [Fact]
    public void A_resource_glob_star_crosses_slashes_in_arns()
    {
        var entry = Entry(resources: ["arn:aws:iam::333344445555:policy/legacy/*"]);

        Assert.NotNull(Match(entry, Prod, id: "arn:aws:iam::333344445555:policy/legacy/team/admin"));
    }

    [Fact]
    public void An_expired_entry_is_reported_as_expired_and_the_expiry_day_still_applies()
    {
        var expired = Match(Entry(rules: ["restricted-ssh"], expires: Today.AddDays(-1)), Prod);
        var lastDay = Match(Entry(rules: ["restricted-ssh"], expires: Today), Prod);

        Assert.NotNull(expired);
        Assert.True(expired.Expired);
        Assert.NotNull(lastDay);
        Assert.False(lastDay.Expired);
    }

    [Fact]
    public void An_active_entry_wins_over_an_earlier_expired_one()
    {
        var matcher = new AcceptedRiskMatcher([
            Entry(id: "OLD", rules: ["restricted-ssh"], expires: Today.AddDays(-10)),
            Entry(id: "NEW", rules: ["restricted-ssh"])]);

        var match = matcher.Match(Prod, "eu-west-1", "restricted-ssh", "AWS::EC2::SecurityGroup", "sg-1", null, Today);

        Assert.NotNull(match);
        Assert.Equal("NEW", match.Entry.Id);
        Assert.False(match.Expired);
    }

    [Fact]
    public void Matching_is_case_sensitive_like_aws_ids()
    {
        Assert.Null(Match(Entry(rules: ["Restricted-SSH"]), Prod));
    }
}
