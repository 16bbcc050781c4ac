using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Options;
using ComplianceReport.Compliance.Owners;
using ComplianceReport.Compliance.Severities;

namespace ComplianceReport.Compliance.Tests.Evaluation;

public sealed class AccountEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset Scanned = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly OrganizationAccount Payments = new("111122223333", "payments-prod", "p@example.com", AccountStatus.Active, "Root/Prod/Payments");

    private static readonly AccountEvaluator Evaluator = new(
        new SeverityResolver(SeverityCatalog.Default, new Dictionary<string, string>()),
        new OwnerResolver(new OwnerOptions { ByOuPath = new() { ["Root/Prod"] = "prod-team" } }));

    [Fact]
    public void Findings_get_the_rule_severity_and_an_owner_and_come_most_severe_first()
    {
        var scan = Scan(Region(
            "eu-west-1",
            Rule("ec2-instance-detailed-monitoring-enabled", "EC2_INSTANCE_DETAILED_MONITORING_ENABLED", Resource("ec2-instance-detailed-monitoring-enabled", "i-1")),
            Rule("restricted-ssh", "INCOMING_SSH_DISABLED", Resource("restricted-ssh", "sg-1", owner: "network-team")),
            Rule("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED", Resource("s3-bucket-public-read-prohibited", "bucket-1"))));

        var findings = Evaluator.Findings(scan, Context()).ToList();

        Assert.Equal(["bucket-1", "sg-1", "i-1"], findings.Select(f => f.ResourceId));
        Assert.Equal([Severity.Critical, Severity.High, Severity.Unrated], findings.Select(f => f.Severity));
        Assert.Equal(["prod-team", "network-team", "prod-team"], findings.Select(f => f.Owner));
        Assert.All(findings, f => Assert.Null(f.AcceptedRiskId));
    }

    [Fact]
    public void An_excepted_finding_leaves_the_headline_figures_but_is_counted_under_its_entry()
    {
        var scan = Scan(Region(
            "eu-west-1",
            Rule("restricted-ssh", "INCOMING_SSH_DISABLED", Resource("restricted-ssh", "sg-1"), Resource("restricted-ssh", "sg-2")),
            Rule("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED", Resource("s3-bucket-public-read-prohibited", "legacy-site"))));
        var context = Context(Entry("EX-1", rules: ["s3-bucket-public-read-prohibited"], resources: ["legacy-*"]));

        var result = Evaluator.Evaluate(scan, [], reused: false, context);

        Assert.Equal(3, result.RawNonCompliantResources);
        Assert.Equal(2, result.Summary.NonCompliantResources);
        Assert.Equal(new SeverityCounts(0, 2, 0, 0, 0), result.BySeverity);
        Assert.Equal(new SeverityCounts(0, 2, 0, 0, 0), result.ByOwner!["prod-team"]);
        Assert.Equal(1, result.AcceptedByEntry!["EX-1"]);
        Assert.Empty(result.ExpiredByEntry!);
        Assert.False(result.NonCompliantByRule.ContainsKey("s3-bucket-public-read-prohibited"));

        // Its only resource excepted, the public-read rule counts as compliant; restricted-ssh does not.
        Assert.Equal((1, 1), (result.Summary.CompliantRules, result.Summary.NonCompliantRules));
        Assert.Equal(0.5, result.Summary.CompliancePercent);

        var excepted = Evaluator.Findings(scan, context).Single(f => f.ResourceId == "legacy-site");
        Assert.Equal("EX-1", excepted.AcceptedRiskId);
        Assert.Equal("Excepted by EX-1 until 2027-01-31", excepted.ExceptionNote);
    }

    [Fact]
    public void A_rule_with_one_resource_not_excepted_stays_non_compliant()
    {
        var scan = Scan(Region("eu-west-1", Rule("restricted-ssh", "INCOMING_SSH_DISABLED", Resource("restricted-ssh", "sg-1"), Resource("restricted-ssh", "sg-2"))));

        var result = Evaluator.Evaluate(scan, [], reused: false, Context(Entry("EX-1", resources: ["sg-1"])));

        Assert.Equal((0, 1), (result.Summary.CompliantRules, result.Summary.NonCompliantRules));
        Assert.Equal(1, result.Summary.NonCompliantResources);
        Assert.Equal(0.0, result.Summary.CompliancePercent);
    }

    [Fact]
    public void An_expired_entry_no_longer_applies_and_its_findings_are_flagged()
    {
        var scan = Scan(Region("eu-west-1", Rule("restricted-ssh", "INCOMING_SSH_DISABLED", Resource("restricted-ssh", "sg-1"))));
        var context = Context(Entry("EX-OLD", rules: ["restricted-ssh"], expires: new DateOnly(2026, 11, 30)));
        var change = new FindingChange(ChangeKind.New, Evaluator.Findings(scan, Context()).Single() with { Severity = Severity.Unrated, Owner = null });

        var result = Evaluator.Evaluate(scan, [change], reused: false, context);

        Assert.Equal((1, 1), (result.RawNonCompliantResources, result.Summary.NonCompliantResources));
        Assert.Equal(new SeverityCounts(0, 1, 0, 0, 0), result.BySeverity);
        Assert.Empty(result.AcceptedByEntry!);
        Assert.Equal(1, result.ExpiredByEntry!["EX-OLD"]);
        var flagged = Assert.Single(result.Changes).Finding;
        Assert.Null(flagged.AcceptedRiskId);
        Assert.Equal("exception EX-OLD expired 2026-11-30", flagged.ExceptionNote);
        Assert.Equal((Severity.High, "prod-team"), (flagged.Severity, flagged.Owner));
    }

    [Fact]
    public void Regions_not_read_count_for_neither_the_raw_nor_the_excepted_figures()
    {
        var scanned = Region("eu-west-1", Rule("restricted-ssh", "INCOMING_SSH_DISABLED", Resource("restricted-ssh", "sg-1")));
        var unread = new RegionSnapshot(Payments.AccountId, "us-east-1", RegionScanStatus.ConfigNotEnabled, null, [], [], Scanned);
        var scan = Scan(scanned, unread) with { Status = AccountScanStatus.Partial };

        var result = Evaluator.Evaluate(scan, [], reused: true, Context(Entry("EX-1", regions: ["us-east-1"], rules: ["restricted-ssh"])));

        Assert.Equal((1, 1), (result.RawNonCompliantResources, result.Summary.NonCompliantResources));
        Assert.Empty(result.AcceptedByEntry!);
        Assert.True(result.Reused);
        Assert.Equal(AccountScanStatus.Partial, result.Summary.Status);
    }

    private static EvaluationContext Context(params AcceptedRisk[] entries) => new(entries, Today, AccountTags.None);

    private static AcceptedRisk Entry(string id, string[]? regions = null, string[]? rules = null, string[]? resources = null, DateOnly? expires = null) =>
        new(id, [], regions ?? [], rules ?? [], [], resources ?? [], "owner", "reason", null, new DateOnly(2026, 11, 1), "ciso", expires ?? new DateOnly(2027, 1, 31), 2);

    private static AccountScan Scan(params RegionSnapshot[] regions) =>
        new(Payments, AccountScanStatus.Scanned, null, regions, Scanned, Scanned, null);

    private static RegionSnapshot Region(string region, params (RuleCompliance Rule, ResourceEvaluation[] Resources)[] rules) =>
        new(Payments.AccountId, region, RegionScanStatus.Scanned, null, rules.Select(r => r.Rule).ToList(), rules.SelectMany(r => r.Resources).ToList(), Scanned);

    private static (RuleCompliance, ResourceEvaluation[]) Rule(string name, string identifier, params ResourceEvaluation[] resources) =>
        (new RuleCompliance(name, resources.Length == 0 ? ComplianceType.Compliant : ComplianceType.NonCompliant, resources.Length, identifier), resources);

    private static ResourceEvaluation Resource(string rule, string id, string? owner = null) =>
        new(rule, "AWS::EC2::SecurityGroup", id, ComplianceType.NonCompliant, null, Scanned, id, owner is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Owner"] = owner });
}
