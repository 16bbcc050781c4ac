using ComplianceReport.Aws.Tests.Support;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Aws.Tests.Compliance;

public sealed class ConfigComplianceReaderTests
{
    private const string Imds = "ec2-imdsv2-check";
    private const string Mfa = "iam-user-mfa-enabled";

    public static FakeConfigService Scenario()
    {
        var config = new FakeConfigService();
        config.Rules[Imds] = "NON_COMPLIANT";
        config.Rules[Mfa] = "NON_COMPLIANT";
        config.Rules["s3-bucket-public-read-prohibited"] = "COMPLIANT";
        config.Rules["rds-instance-public-access-check"] = "NOT_APPLICABLE";
        config.Rules["cloudfront-viewer-policy-https"] = "INSUFFICIENT_DATA";

        // 230 instances: three pages of at most 100, and more than two lookup batches.
        config.Evaluations[Imds] = Enumerable.Range(0, 230).Select(i => ("AWS::EC2::Instance", $"i-{i:D17}", "IMDSv1 is enabled", "DETECTIVE")).ToList();

        // The same user reported by two evaluation modes counts once; one instance is under both rules.
        config.Evaluations[Mfa] =
        [
            ("AWS::IAM::User", "AIDAEXAMPLEUSER00001", "MFA is not enabled", "DETECTIVE"),
            ("AWS::IAM::User", "AIDAEXAMPLEUSER00001", "MFA is not enabled (proactive)", "PROACTIVE"),
            ("AWS::IAM::User", "AIDAEXAMPLEUSER00002", "MFA is not enabled", "DETECTIVE"),
            ("AWS::EC2::Instance", "i-00000000000000007", "not a user", "DETECTIVE"),
        ];
        return config;
    }

    [Fact]
    public async Task Every_non_compliant_resource_comes_back_once_with_name_and_tags()
    {
        var config = Scenario();
        await using var harness = new ReaderHarness(config);

        var snapshot = await harness.Reader.ReadRegionAsync("111111111111", "eu-west-1", CancellationToken.None);

        Assert.Equal(RegionScanStatus.Scanned, snapshot.Status);
        Assert.Null(snapshot.Error);
        Assert.Equal(("111111111111", "eu-west-1"), (snapshot.AccountId, snapshot.Region));
        Assert.Equal(5, snapshot.Rules.Count);
        Assert.Equal(ComplianceType.NotApplicable, snapshot.Rules.Single(r => r.RuleName == "rds-instance-public-access-check").Compliance);
        Assert.Equal(230, snapshot.Rules.Single(r => r.RuleName == Imds).NonCompliantResourceCount);

        Assert.Equal(233, snapshot.NonCompliant.Count);
        Assert.Equal(233, snapshot.NonCompliant.Select(e => (e.RuleName, e.ResourceType, e.ResourceId)).Distinct().Count());
        Assert.All(snapshot.NonCompliant, e =>
        {
            Assert.Equal(ComplianceType.NonCompliant, e.Compliance);
            Assert.Equal(FakeConfigService.NameOf(e.ResourceId), e.ResourceName);
            Assert.Equal($"team-{e.ResourceId}", e.Tags["owner"]);
            Assert.Equal("prod", e.Tags["env"]);
        });
        var user = snapshot.NonCompliant.Single(e => e.ResourceId == "AIDAEXAMPLEUSER00001");
        Assert.Equal("MFA is not enabled (proactive)", user.Annotation);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_764_000_060), user.LastEvaluated);

        var details = harness.Server.Requests.Where(r => r.Operation == "GetComplianceDetailsByConfigRule").Select(r => r.Json).ToList();
        Assert.Equal(4, details.Count);
        Assert.All(details, d => Assert.Equal(100, d.GetProperty("Limit").GetInt32()));
        Assert.All(details, d => Assert.Equal("NON_COMPLIANT", Assert.Single(d.GetProperty("ComplianceTypes").EnumerateArray()).GetString()));

        // 232 distinct resources: batches of at most 100, each key asked once, plus the one left unprocessed.
        var batches = harness.Server.Requests.Where(r => r.Operation == "BatchGetResourceConfig")
            .Select(r => r.Json.GetProperty("resourceKeys").EnumerateArray().Select(k => k.GetProperty("resourceId").GetString()!).ToList())
            .ToList();
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 100));
        Assert.Equal(233, batches.Sum(b => b.Count));
        Assert.Equal(232, batches.SelectMany(b => b).Distinct().Count());
        Assert.Equal(1, harness.Server.CountOf("DescribeConfigurationRecorderStatus"));
        Assert.Equal(2, harness.Server.CountOf("DescribeComplianceByConfigRule"));
    }

    [Fact]
    public async Task Managed_rules_carry_their_source_identifier_and_custom_rules_none()
    {
        var config = Scenario();
        config.Rules["custom-tagging-check"] = "COMPLIANT";
        await using var harness = new ReaderHarness(config);

        var snapshot = await harness.Reader.ReadRegionAsync("111111111111", "eu-west-1", CancellationToken.None);

        Assert.Equal("EC2_IMDSV2_CHECK", snapshot.Rules.Single(r => r.RuleName == Imds).SourceIdentifier);
        Assert.Equal("IAM_USER_MFA_ENABLED", snapshot.Rules.Single(r => r.RuleName == Mfa).SourceIdentifier);
        Assert.Equal("S3_BUCKET_PUBLIC_READ_PROHIBITED", snapshot.Rules.Single(r => r.RuleName == "s3-bucket-public-read-prohibited").SourceIdentifier);
        Assert.Null(snapshot.Rules.Single(r => r.RuleName == "custom-tagging-check").SourceIdentifier);
        Assert.Equal(2, harness.Server.CountOf("DescribeConfigRules"));
    }

    [Fact]
    public async Task Denied_rule_descriptions_leave_identifiers_unknown_and_the_region_scanned()
    {
        var config = Scenario();
        config.ConfigRulesError = "AccessDeniedException";
        await using var harness = new ReaderHarness(config);

        var snapshot = await harness.Reader.ReadRegionAsync("111111111111", "eu-west-1", CancellationToken.None);

        Assert.Equal(RegionScanStatus.Scanned, snapshot.Status);
        Assert.Equal(233, snapshot.NonCompliant.Count);
        Assert.All(snapshot.Rules, r => Assert.Null(r.SourceIdentifier));
    }

    [Fact]
    public async Task A_region_without_a_recording_recorder_is_config_not_enabled_not_an_error()
    {
        await using var harness = new ReaderHarness(new FakeConfigService { Recording = false });

        var snapshot = await harness.Reader.ReadRegionAsync("111111111111", "eu-west-1", CancellationToken.None);

        Assert.Equal(RegionScanStatus.ConfigNotEnabled, snapshot.Status);
        Assert.Equal(ScanErrorKind.ConfigNotEnabled, snapshot.Error?.Kind);
        Assert.Empty(snapshot.Rules);
        Assert.Empty(snapshot.NonCompliant);
        Assert.Equal(["DescribeConfigurationRecorderStatus"], harness.Server.Requests.Where(r => r.Target is not null).Select(r => r.Operation));
    }

    [Fact]
    public async Task A_failing_rule_fails_the_region_with_the_aws_error_instead_of_throwing()
    {
        var config = Scenario();
        config.FailingRules[Mfa] = "AccessDeniedException";
        await using var harness = new ReaderHarness(config);

        var snapshot = await harness.Reader.ReadRegionAsync("111111111111", "eu-west-1", CancellationToken.None);

        Assert.Equal(RegionScanStatus.Failed, snapshot.Status);
        Assert.Equal(ScanErrorKind.AccessDenied, snapshot.Error?.Kind);
        Assert.Equal("AccessDeniedException", snapshot.Error?.Code);
        Assert.Empty(snapshot.NonCompliant);
    }

    [Fact]
    public async Task Unreadable_answers_fail_the_region_as_malformed()
    {
        var config = Scenario();
        config.TruncatedOperation = "DescribeComplianceByConfigRule";
        await using var harness = new ReaderHarness(config);

        var snapshot = await harness.Reader.ReadRegionAsync("111111111111", "eu-west-1", CancellationToken.None);

        Assert.Equal(RegionScanStatus.Failed, snapshot.Status);
        Assert.Equal(ScanErrorKind.MalformedResponse, snapshot.Error?.Kind);
        Assert.Contains("DescribeComplianceByConfigRule", snapshot.Error?.Message, StringComparison.Ordinal);
    }
}
