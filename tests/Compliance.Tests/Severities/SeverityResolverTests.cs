using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Severities;

namespace ComplianceReport.Compliance.Tests.Severities;

public sealed class SeverityResolverTests
{
    private static SeverityResolver Resolver(Dictionary<string, string>? overrides = null) => new(SeverityCatalog.Default, overrides ?? []);

    [Theory]
    [InlineData("restricted-ssh", "INCOMING_SSH_DISABLED", Severity.High, "Security Hub EC2.13")]
    [InlineData("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED", Severity.Critical, "Security Hub S3.2")]
    [InlineData("rds-instance-public-access-check", "RDS_INSTANCE_PUBLIC_ACCESS_CHECK", Severity.Critical, "Security Hub RDS.2")]
    [InlineData("iam-user-no-policies-check", "IAM_USER_NO_POLICIES_CHECK", Severity.Low, "Security Hub IAM.2")]
    public void Managed_rules_take_the_security_hub_control_severity(string rule, string identifier, Severity expected, string basis)
    {
        var rating = Resolver().Resolve(rule, identifier);

        Assert.Equal(expected, rating.Severity);
        Assert.Equal(basis, rating.Basis);
    }

    [Fact]
    public void A_conformance_pack_copy_is_rated_by_its_identifier()
    {
        Assert.Equal(Severity.High, Resolver().Resolve("restricted-ssh-conformance-pack-abc123", "INCOMING_SSH_DISABLED").Severity);
    }

    [Fact]
    public void A_rule_read_without_identifier_is_rated_by_its_default_name()
    {
        Assert.Equal(Severity.High, Resolver().Resolve("restricted-ssh", null).Severity);
    }

    [Fact]
    public void A_custom_rule_named_like_a_managed_one_stays_unrated()
    {
        var rating = Resolver().Resolve("restricted-ssh", "arn:aws:lambda:eu-west-1:111122223333:function:check-ssh");

        Assert.Equal(Severity.Unrated, rating.Severity);
    }

    [Fact]
    public void Overrides_win_by_rule_name_then_by_identifier()
    {
        var resolver = Resolver(new() { ["restricted-ssh"] = "critical", ["ENCRYPTED_VOLUMES"] = "Low", ["my-custom-rule"] = "High" });

        Assert.Equal(new SeverityRating(Severity.Critical, "Report:Severities"), resolver.Resolve("restricted-ssh", "INCOMING_SSH_DISABLED"));
        Assert.Equal(Severity.Low, resolver.Resolve("encrypted-volumes", "ENCRYPTED_VOLUMES").Severity);
        Assert.Equal(Severity.High, resolver.Resolve("my-custom-rule", "arn:aws:lambda:eu-west-1:111122223333:function:x").Severity);
    }

    [Fact]
    public void A_bad_override_value_is_refused_naming_its_key()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolver(new() { ["restricted-ssh"] = "Severe" }));

        Assert.Contains("Report:Severities:restricted-ssh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_mapping_records_its_source()
    {
        Assert.Contains("Security Hub CSPM", SeverityCatalog.Default.Source, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every managed rule the AWS simulator deploys (tools/AwsSimulator/Generation/RuleCatalog.cs)
    /// has an entry in the shipped mapping, so the demo rates each of them deliberately.
    /// </summary>
    [Fact]
    public void Every_rule_the_simulator_generates_is_in_the_mapping()
    {
        var catalog = Path.Combine(RepositoryRoot(), "tools", "AwsSimulator", "Generation", "RuleCatalog.cs");
        var names = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(catalog), "new\\(\"([a-z0-9-]+)\"")
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.True(names.Count >= 50, $"read only {names.Count} rules from {catalog}");
        var missing = names.Where(name => !SeverityCatalog.Default.ByRuleName.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "not in the mapping: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ComplianceReport.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ComplianceReport.sln not found above the test output.");
    }
}
