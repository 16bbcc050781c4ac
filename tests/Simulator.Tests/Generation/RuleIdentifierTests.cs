using System.Text.RegularExpressions;
using ComplianceReport.AwsSimulator.Generation;

namespace ComplianceReport.Simulator.Tests.Generation;

/// <summary>
/// The simulator's DescribeConfigRules answers each managed rule's identifier as AWS names it, and
/// the shipped severity mapping (src/Compliance/Severities) rates every one of them under that identifier.
/// </summary>
public sealed partial class RuleIdentifierTests
{
    [Theory]
    [InlineData("restricted-ssh", "INCOMING_SSH_DISABLED")]
    [InlineData("restricted-common-ports", "RESTRICTED_INCOMING_TRAFFIC")]
    [InlineData("ec2-instances-in-vpc", "INSTANCES_IN_VPC")]
    [InlineData("ec2-instance-managed-by-systems-manager", "EC2_INSTANCE_MANAGED_BY_SSM")]
    [InlineData("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED")]
    [InlineData("iam-user-mfa-enabled", "IAM_USER_MFA_ENABLED")]
    public void Managed_rules_carry_the_identifier_AWS_gives_them(string rule, string identifier)
    {
        Assert.Equal(identifier, RuleCatalog.Rules.Single(r => r.Name == rule).SourceIdentifier);
    }

    [Fact]
    public void Every_generated_identifier_is_rated_in_the_shipped_mapping_under_its_rule()
    {
        var mapping = MappingLine().Matches(File.ReadAllText(MappingFile()))
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["rule"].Value, StringComparer.Ordinal);

        var wrong = RuleCatalog.Rules
            .Where(r => !mapping.TryGetValue(r.SourceIdentifier, out var name) || name != r.Name)
            .Select(r => $"{r.Name} ({r.SourceIdentifier})")
            .ToList();

        Assert.True(RuleCatalog.Rules.Count >= 50);
        Assert.True(wrong.Count == 0, "not rated under their identifier: " + string.Join(", ", wrong));
    }

    private static string MappingFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ComplianceReport.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(
            directory?.FullName ?? throw new InvalidOperationException("ComplianceReport.sln not found above the test output."),
            "src", "Compliance", "Severities", "aws-managed-rule-severities.yaml");
    }

    [GeneratedRegex(@"^\s+(?<id>[A-Z0-9_]+):\s*\{\s*rule:\s*(?<rule>[a-z0-9-]+),", RegexOptions.Multiline)]
    private static partial Regex MappingLine();
}
