using System.Globalization;

namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>Generates one account and region from a hash of seed, account and region alone.</summary>
internal static class RegionGenerator
{
    private static readonly DateTimeOffset CreationEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Teams = ["payments", "identity", "data", "search", "checkout", "platform", "analytics", "billing"];

    /// <summary>The teams resources are tagged <c>Owner</c> with.</summary>
    public static IReadOnlyList<string> ResourceTeams => Teams;

    /// <summary>The <paramref name="count"/> teams that fix every finding of theirs in <paramref name="week"/> (none in week 0).</summary>
    public static IReadOnlySet<string> TeamsFixingIn(int seed, int week, int count)
    {
        if (week == 0 || count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var random = new DeterministicRandom(StableHash.Of(seed, "fixing-teams", week.ToString(CultureInfo.InvariantCulture)));
        var order = Teams.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)(random.NextUInt64() % (ulong)(order.Length - i));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order.Take(count).ToHashSet(StringComparer.Ordinal);
    }
    private static readonly string[] Roles = ["web", "api", "worker", "batch", "bastion", "cache", "etl", "proxy"];
    private static readonly string[] People = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "wendy"];

    /// <summary>Share of accounts that are in a very bad state.</summary>
    public const double BadAccountShare = 0.05;

    /// <summary>The account's base probability that one evaluation is NON_COMPLIANT.</summary>
    public static double AccountBadness(int seed, string accountId)
    {
        var random = new DeterministicRandom(StableHash.Of(seed, "badness", accountId));
        return random.NextDouble() < BadAccountShare ? 0.35 + random.NextDouble() * 0.3 : 0.01 + random.NextDouble() * 0.06;
    }

    public static RegionData Generate(int seed, string accountId, string region, bool hasRecorder)
    {
        if (!hasRecorder)
        {
            return new RegionData(accountId, region, hasRecorder: false, [], []);
        }

        var random = new DeterministicRandom(StableHash.Of(seed, "region", accountId, region));
        var resources = new List<ResourceData>();
        var byType = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (type, min, max) in RuleCatalog.ResourceTypes)
        {
            var indexes = new List<int>();
            var count = random.Between(min, max);
            for (var i = 0; i < count; i++)
            {
                indexes.Add(resources.Count);
                resources.Add(NewResource(random, type, accountId, region, i));
            }

            byType[type] = indexes;
        }

        var badness = AccountBadness(seed, accountId);
        var catalog = RuleCatalog.Rules;
        var ruleCount = random.Between(30, Math.Min(60, catalog.Count));
        var order = Enumerable.Range(0, catalog.Count).ToArray();
        // Partial Fisher-Yates: the first ruleCount entries are the deployed rules.
        for (var i = 0; i < ruleCount; i++)
        {
            var j = i + (int)(random.NextUInt64() % (ulong)(order.Length - i));
            (order[i], order[j]) = (order[j], order[i]);
        }

        var rules = new RuleData[ruleCount];
        var chosen = order.Take(ruleCount).Order().ToArray();
        for (var i = 0; i < chosen.Length; i++)
        {
            var template = catalog[chosen[i]];
            var ruleId = "config-rule-" + random.Lower(6);
            rules[i] = new RuleData(
                template,
                $"arn:aws:config:{region}:{accountId}:config-rule/{ruleId}",
                ruleId,
                [.. byType[template.ResourceType]],
                Math.Min(0.95, badness * template.FailureFactor));
        }

        return new RegionData(accountId, region, hasRecorder: true, [.. resources], rules);
    }

    private static ResourceData NewResource(DeterministicRandom random, string type, string accountId, string region, int ordinal)
    {
        var team = random.Pick(Teams);
        var environment = random.NextDouble() < 0.6 ? "prod" : "dev";
        var number = (ordinal + 1).ToString("D2", CultureInfo.InvariantCulture);
        var zone = region + (char)('a' + random.Between(0, 2));
        string id;
        string name;
        string arn;
        switch (type)
        {
            case RuleCatalog.Ec2Instance:
                id = "i-" + random.Hex(17);
                name = $"{team}-{random.Pick(Roles)}-{number}";
                arn = $"arn:aws:ec2:{region}:{accountId}:instance/{id}";
                break;
            case RuleCatalog.Ec2SecurityGroup:
                id = "sg-" + random.Hex(17);
                name = ordinal == 0 ? "default" : $"{team}-{random.Pick(Roles)}-sg";
                arn = $"arn:aws:ec2:{region}:{accountId}:security-group/{id}";
                break;
            case RuleCatalog.Ec2Volume:
                id = "vol-" + random.Hex(17);
                name = $"{team}-data-{number}";
                arn = $"arn:aws:ec2:{region}:{accountId}:volume/{id}";
                break;
            case RuleCatalog.Ec2Vpc:
                id = "vpc-" + random.Hex(17);
                name = $"{team}-{environment}-vpc";
                arn = $"arn:aws:ec2:{region}:{accountId}:vpc/{id}";
                break;
            case RuleCatalog.IamUser:
                name = $"{random.Pick(People)}.{team}{number}";
                id = "AIDA" + random.Upper(17);
                arn = $"arn:aws:iam::{accountId}:user/{name}";
                break;
            case RuleCatalog.IamRole:
                name = $"{team}-{random.Pick(Roles)}-role-{number}";
                id = "AROA" + random.Upper(17);
                arn = $"arn:aws:iam::{accountId}:role/{name}";
                break;
            case RuleCatalog.IamPolicy:
                name = $"{team}-access-policy-{number}";
                id = "ANPA" + random.Upper(17);
                arn = $"arn:aws:iam::{accountId}:policy/{name}";
                break;
            case RuleCatalog.RdsInstance:
                name = $"{team}-db-{number}";
                id = "db-" + random.Upper(26);
                arn = $"arn:aws:rds:{region}:{accountId}:db:{name}";
                break;
            case RuleCatalog.RdsSnapshot:
                name = $"rds:{team}-db-{number}-2026-11-{random.Between(1, 20):D2}-03-10";
                id = name;
                arn = $"arn:aws:rds:{region}:{accountId}:snapshot:{name}";
                break;
            case RuleCatalog.CloudFrontDistribution:
                id = "E" + random.Upper(13);
                name = $"d{random.Lower(13)}.cloudfront.net";
                arn = $"arn:aws:cloudfront::{accountId}:distribution/{id}";
                zone = "Not Applicable";
                break;
            default:
                name = $"{team}-{environment}-{random.Pick(Roles)}-{accountId}-{region}-{number}";
                id = name;
                arn = $"arn:aws:s3:::{name}";
                zone = "Regional";
                break;
        }

        KeyValuePair<string, string>[] tags = random.NextDouble() < 0.1
            ? []
            : type == RuleCatalog.Ec2Instance
                ? [new("Name", name), new("Owner", team), new("Environment", environment), new("CostCenter", "cc-" + random.Between(1000, 9999).ToString(CultureInfo.InvariantCulture))]
                : [new("Owner", team), new("Environment", environment), new("CostCenter", "cc-" + random.Between(1000, 9999).ToString(CultureInfo.InvariantCulture))];

        return new ResourceData(type, id, name, arn, zone, CreationEpoch.AddMinutes(random.Between(0, 3_000_000)), tags);
    }
}
