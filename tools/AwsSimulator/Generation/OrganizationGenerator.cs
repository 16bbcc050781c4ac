using System.Globalization;
using ComplianceReport.AwsSimulator.Model;

namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// Builds the organization tree and its accounts from the seed. Only ids and names are made here
/// (cheap even for 100,000 accounts); Config data is generated per account and region on first use.
/// </summary>
internal static class OrganizationGenerator
{
    private static readonly DateTimeOffset JoinedEpoch = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string[] Children)[] Layout =
    [
        ("Security", ["Audit", "Tooling"]),
        ("Infrastructure", ["Network", "Shared"]),
        ("Workloads", ["Prod", "NonProd"]),
        ("Sandbox", ["Developers", "Experiments"]),
    ];

    private static readonly string[] Teams =
    [
        "payments", "identity", "data-platform", "search", "checkout", "mobile", "analytics",
        "billing", "logistics", "marketing", "ml-platform", "observability", "edge", "catalog",
    ];

    public static SimulatedOrganization Generate(SimulatorOptions options)
    {
        var seed = options.Seed;
        var random = new DeterministicRandom(StableHash.Of(seed, "organization"));
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var managementId = NewAccountId(seed, "management", usedIds);
        var hubId = NewAccountId(seed, "hub", usedIds);
        var orgId = "o-" + random.Lower(10);
        var orgArn = $"arn:aws:organizations::{managementId}:organization/{orgId}";
        var rootId = "r-" + random.Lower(4);

        var units = new List<SimulatedOrganizationalUnit>();
        var leaves = new List<SimulatedOrganizationalUnit>();
        var middles = new List<SimulatedOrganizationalUnit>();
        var tops = new List<SimulatedOrganizationalUnit>();
        foreach (var (topName, children) in Layout)
        {
            var top = NewUnit(random, managementId, orgId, rootId, topName, rootId, "Root", 1);
            units.Add(top);
            tops.Add(top);
            foreach (var childName in children)
            {
                var middle = NewUnit(random, managementId, orgId, rootId, childName, top.Id, top.Path, 2);
                units.Add(middle);
                middles.Add(middle);
                var teamCount = random.Between(2, 3);
                var firstTeam = random.Between(0, Teams.Length - 1);
                for (var t = 0; t < teamCount; t++)
                {
                    var leaf = NewUnit(random, managementId, orgId, rootId, Teams[(firstTeam + t) % Teams.Length], middle.Id, middle.Path, 3);
                    units.Add(leaf);
                    leaves.Add(leaf);
                }
            }
        }

        var faultOrder = new List<(ulong Key, int Index)>(options.Accounts);
        var memberIds = new string[options.Accounts];
        for (var i = 0; i < options.Accounts; i++)
        {
            memberIds[i] = NewAccountId(seed, "member-" + i.ToString(CultureInfo.InvariantCulture), usedIds);
            faultOrder.Add((StableHash.Of(seed, "faults", memberIds[i]), i));
        }

        // Disjoint fault groups, chosen by a seeded shuffle: suspended, then denied, then no recorder.
        faultOrder.Sort((a, b) => a.Key.CompareTo(b.Key));
        var suspended = new HashSet<int>(faultOrder.Take(options.SuspendedAccounts).Select(f => f.Index));
        var denied = new HashSet<int>(faultOrder.Skip(options.SuspendedAccounts).Take(options.DenyAccounts).Select(f => f.Index));
        var noConfig = new HashSet<int>(faultOrder.Skip(options.SuspendedAccounts + options.DenyAccounts).Take(options.NoConfigAccounts).Select(f => f.Index));

        var accounts = new List<SimulatedAccount>(options.Accounts + 1)
        {
            new(
                managementId,
                $"arn:aws:organizations::{managementId}:account/{orgId}/{managementId}",
                "management",
                "aws-management@example.com",
                "ACTIVE",
                rootId,
                "Root",
                JoinedEpoch,
                IsManagement: true,
                IsDenied: false,
                RegionWithoutRecorder: null),
        };

        for (var i = 0; i < options.Accounts; i++)
        {
            var id = memberIds[i];
            var placement = new DeterministicRandom(StableHash.Of(seed, "placement", id));
            var roll = placement.NextDouble();
            var parent = roll < 0.8 ? placement.Pick(leaves) : roll < 0.95 ? placement.Pick(middles) : placement.Pick(tops);
            var environment = parent.Path.Contains("/Prod", StringComparison.Ordinal) ? "prod"
                : parent.Path.Contains("Sandbox", StringComparison.Ordinal) ? "sandbox" : "nonprod";
            var name = string.Create(CultureInfo.InvariantCulture, $"{parent.Name.ToLowerInvariant()}-{environment}-{i + 1:D5}");
            accounts.Add(new SimulatedAccount(
                id,
                $"arn:aws:organizations::{managementId}:account/{orgId}/{id}",
                name,
                $"aws+{name}@example.com",
                suspended.Contains(i) ? "SUSPENDED" : "ACTIVE",
                parent.Id,
                parent.Path,
                JoinedEpoch.AddDays(placement.Between(0, 2500)),
                IsManagement: false,
                IsDenied: denied.Contains(i),
                RegionWithoutRecorder: noConfig.Contains(i) ? placement.Pick(options.Regions) : null)
            {
                Tags = AccountTags(options, id, parent, environment, out var tagsDenied),
                TagsDenied = tagsDenied,
            });
        }

        // The hub is a member account, as in a real organization (a security tooling account):
        // a healthy one, in a Tooling OU when there is one. Only an organization without a
        // healthy member keeps the hub outside it.
        var healthy = accounts.Where(a => !a.IsManagement && !a.IsSuspended && !a.IsDenied && a.RegionWithoutRecorder is null).ToList();
        var hub = healthy.FirstOrDefault(a => a.OuPath.EndsWith("/Tooling", StringComparison.Ordinal)) ?? healthy.FirstOrDefault();
        return new SimulatedOrganization(orgId, orgArn, rootId, managementId, hub?.Id ?? hubId, [.. options.Regions], units, accounts);
    }

    /// <summary>
    /// Decided per account from its own hash, so the share holds whatever the fault groups are.
    /// The owner is the team OU the account sits in (else a team picked for it), under
    /// <c>Owner</c> for most accounts and <c>Team</c> for some, as organizations mix both.
    /// </summary>
    private static KeyValuePair<string, string>[] AccountTags(
        SimulatorOptions options, string accountId, SimulatedOrganizationalUnit parent, string environment, out bool denied)
    {
        var roll = StableHash.Unit(options.Seed, "account-tags", accountId);
        denied = roll >= 1 - options.TagDeniedShare;
        var random = new DeterministicRandom(StableHash.Of(options.Seed, "account-tag-values", accountId));
        KeyValuePair<string, string> environmentTag = new("Environment", environment);
        if (roll >= options.AccountTagShare)
        {
            return denied ? [] : [environmentTag];
        }

        var team = parent.Depth == 3 ? parent.Name : random.Pick(Teams);
        var ownerKey = random.NextDouble() < 0.7 ? "Owner" : "Team";
        return [new(ownerKey, team), environmentTag, new("CostCenter", "cc-" + random.Between(1000, 9999).ToString(CultureInfo.InvariantCulture))];
    }

    private static SimulatedOrganizationalUnit NewUnit(
        DeterministicRandom random, string managementId, string orgId, string rootId, string name, string parentId, string parentPath, int depth)
    {
        var id = $"ou-{rootId[2..]}-{random.Lower(8)}";
        return new SimulatedOrganizationalUnit(id, $"arn:aws:organizations::{managementId}:ou/{orgId}/{id}", name, parentId, parentPath + "/" + name, depth);
    }

    private static string NewAccountId(int seed, string purpose, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = StableHash.Of(seed, "account-id", purpose, attempt.ToString(CultureInfo.InvariantCulture)) % 900_000_000_000UL + 100_000_000_000UL;
            var id = value.ToString(CultureInfo.InvariantCulture);
            if (used.Add(id))
            {
                return id;
            }
        }
    }
}
