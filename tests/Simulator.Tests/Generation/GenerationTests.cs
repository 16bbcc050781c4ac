using ComplianceReport.AwsSimulator;
using ComplianceReport.AwsSimulator.Generation;
using ComplianceReport.AwsSimulator.Model;

namespace ComplianceReport.Simulator.Tests.Generation;

public sealed class GenerationTests
{
    private static readonly SimulatorOptions Faulty = new()
    {
        Accounts = 40,
        Seed = 11,
        DenyAccounts = 3,
        SuspendedAccounts = 2,
        NoConfigAccounts = 4,
    };

    [Fact]
    public void Same_seed_gives_the_same_organization_and_the_same_config_data()
    {
        var first = new ComplianceWorld(Faulty);
        var second = new ComplianceWorld(Faulty);

        Assert.Equal(Flatten(first.Organization), Flatten(second.Organization));
        foreach (var account in first.Organization.Accounts.Take(10))
        {
            foreach (var region in first.Organization.Regions)
            {
                Assert.Equal(Flatten(first.View(account.Id, region)), Flatten(second.View(account.Id, region)));
            }
        }
    }

    [Fact]
    public void Another_seed_gives_another_organization()
    {
        var first = new ComplianceWorld(new SimulatorOptions { Seed = 1 });
        var second = new ComplianceWorld(new SimulatorOptions { Seed = 2 });

        Assert.Empty(first.Organization.Accounts.Select(a => a.Id).Intersect(second.Organization.Accounts.Select(a => a.Id)));
    }

    [Fact]
    public void Config_data_is_generated_per_account_and_region_on_first_use_only()
    {
        var world = new ComplianceWorld(new SimulatorOptions { Accounts = 10_000 });
        Assert.Equal(10_001, world.Organization.Accounts.Count);
        Assert.Equal(0, world.GeneratedRegions);

        var account = world.Organization.Accounts[5000].Id;
        var first = world.View(account, "us-east-1");
        world.View(account, "us-east-1");
        Assert.Equal(1, world.GeneratedRegions);

        world.View(account, "eu-west-1");
        Assert.Equal(2, world.GeneratedRegions);

        // Data generated later, or after the cache was trimmed, is the same data.
        var bounded = new ComplianceWorld(new SimulatorOptions { Accounts = 10_000 }, maxCachedRegions: 2);
        foreach (var other in bounded.Organization.Accounts.Take(10))
        {
            bounded.View(other.Id, "us-east-1");
        }

        Assert.Equal(Flatten(first), Flatten(bounded.View(account, "us-east-1")));
    }

    [Fact]
    public void The_organization_has_the_requested_shape()
    {
        var organization = new ComplianceWorld(Faulty).Organization;
        var members = organization.Accounts.Where(a => !a.IsManagement).ToList();

        Assert.Equal(organization.ManagementAccountId, organization.Accounts[0].Id);
        Assert.Equal(40, members.Count);
        Assert.All(organization.Accounts, a => Assert.Matches("^[0-9]{12}$", a.Id));
        Assert.Equal(organization.Accounts.Count, organization.Accounts.Select(a => a.Id).Distinct().Count());

        // The hub is a member, as in a real organization, and a healthy one (its own read role works).
        var hub = Assert.Single(members, a => a.Id == organization.HubAccountId);
        Assert.False(hub.IsDenied || hub.IsSuspended || hub.RegionWithoutRecorder is not null);
        Assert.Equal(3, members.Count(a => a.IsDenied));
        Assert.Equal(2, members.Count(a => a.IsSuspended));
        Assert.Equal(4, members.Count(a => a.RegionWithoutRecorder is not null));
        Assert.Equal(3, organization.OrganizationalUnits.Max(u => u.Depth));
        Assert.All(members, a => Assert.Contains(organization.OrganizationalUnits, u => u.Id == a.ParentId && u.Path == a.OuPath));
    }

    [Fact]
    public void Regions_hold_30_to_60_managed_rules_over_the_five_services_and_a_region_without_recorder_holds_nothing()
    {
        var world = new ComplianceWorld(Faulty);
        var types = new HashSet<string>();
        foreach (var account in world.Organization.Accounts.Where(a => a.RegionWithoutRecorder is null).Take(10))
        {
            var region = world.View(account.Id, "us-east-1");
            Assert.True(region.HasRecorder);
            Assert.InRange(region.Rules.Count, 30, 60);
            Assert.All(region.NonCompliant, f => Assert.False(string.IsNullOrEmpty(f.ResourceName)));
            types.UnionWith(region.Rules.Select(r => r.ResourceType.Split("::")[1]));
        }

        Assert.Superset(new HashSet<string> { "EC2", "IAM", "RDS", "CloudFront", "S3" }, types);

        var noConfig = world.Organization.Accounts.First(a => a.RegionWithoutRecorder is not null);
        var empty = world.View(noConfig.Id, noConfig.RegionWithoutRecorder!);
        Assert.False(empty.HasRecorder);
        Assert.Empty(empty.Rules);
    }

    [Fact]
    public void Most_accounts_are_mostly_compliant_and_a_few_are_very_bad()
    {
        var world = new ComplianceWorld(new SimulatorOptions { Accounts = 200, Seed = 4 });
        var shares = world.Organization.Accounts.Select(a =>
        {
            var region = world.View(a.Id, "us-east-1");
            return (double)region.NonCompliant.Count / Math.Max(1, region.Rules.Sum(r => r.EvaluatedResources));
        }).ToList();

        Assert.True(shares.Count(s => s < 0.15) > shares.Count * 0.85, "most accounts should be mostly compliant");
        Assert.InRange(shares.Count(s => s > 0.3), 2, 30);
    }

    [Fact]
    public void Advancing_a_week_resolves_some_findings_and_opens_new_ones_deterministically()
    {
        var world = new ComplianceWorld(Faulty);
        var accounts = world.Organization.Accounts.Take(8).Select(a => a.Id).ToList();
        var before = accounts.SelectMany(a => Keys(world.View(a, "us-east-1"))).ToHashSet();

        Assert.Equal(1, world.AdvanceWeek());
        var after = accounts.SelectMany(a => Keys(world.View(a, "us-east-1"))).ToHashSet();

        Assert.NotEmpty(before.Except(after));
        Assert.NotEmpty(after.Except(before));
        Assert.NotEmpty(before.Intersect(after));

        var replay = new ComplianceWorld(Faulty);
        replay.AdvanceWeek();
        Assert.Equal(after, accounts.SelectMany(a => Keys(replay.View(a, "us-east-1"))).ToHashSet());
    }

    [Fact]
    public void A_fixing_team_has_no_findings_in_its_week_and_the_other_teams_keep_theirs()
    {
        var options = new SimulatorOptions { Accounts = 30, Seed = 11, FixingTeamsPerWeek = 1 };
        var world = new ComplianceWorld(options);
        var accounts = world.Organization.Accounts.Select(a => a.Id).ToList();
        var before = Owners(world, accounts);
        Assert.Equal(SimulatorApp.ResourceOwners.Order(), before.Keys.Order());

        world.AdvanceWeek();
        var after = Owners(world, accounts);

        var fixer = Assert.Single(SimulatorApp.ResourceOwners, o => !after.ContainsKey(o));
        Assert.True(before[fixer] > 0);
        Assert.Equal(SimulatorApp.ResourceOwners.Count - 1, after.Count);

        // The same week's fixing team, whoever computes it.
        var replay = new ComplianceWorld(options);
        replay.AdvanceWeek();
        Assert.Equal(after, Owners(replay, accounts));
    }

    private static Dictionary<string, int> Owners(ComplianceWorld world, IEnumerable<string> accounts) =>
        accounts.SelectMany(a => world.View(a, "us-east-1").NonCompliant)
            .Where(f => f.Tags.ContainsKey("Owner"))
            .GroupBy(f => f.Tags["Owner"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    [Fact]
    public void Faults_never_change_the_data()
    {
        var calm = new ComplianceWorld(new SimulatorOptions { Accounts = 30, Seed = 9 });
        var stormy = new ComplianceWorld(new SimulatorOptions
        {
            Accounts = 30,
            Seed = 9,
            LatencyMs = 50,
            ThrottleRps = 1,
            ThrottleBurst = 2,
            ErrorRate = 0.2,
            MalformedResponseRate = 0.1,
            RepeatedNextTokenRate = 0.1,
        });

        Assert.Equal(Flatten(calm.Organization), Flatten(stormy.Organization));
        foreach (var account in calm.Organization.Accounts.Take(5))
        {
            Assert.Equal(Flatten(calm.View(account.Id, "eu-west-1")), Flatten(stormy.View(account.Id, "eu-west-1")));
        }
    }

    private static IEnumerable<string> Keys(SimulatedRegion region) =>
        region.NonCompliant.Select(f => $"{region.AccountId}|{f.RuleName}|{f.ResourceId}");

    private static List<string> Flatten(SimulatedOrganization organization) =>
    [
        organization.Id, organization.RootId, organization.ManagementAccountId, organization.HubAccountId,
        .. organization.OrganizationalUnits.Select(u => u.ToString()),
        .. organization.Accounts.Select(a => a.ToString()),
    ];

    private static List<string> Flatten(SimulatedRegion region) =>
    [
        region.HasRecorder.ToString(),
        .. region.Rules.Select(r => r.ToString()),
        .. region.NonCompliant.Select(f => f with { Tags = new Dictionary<string, string>() } + string.Join(',', f.Tags)),
    ];
}
