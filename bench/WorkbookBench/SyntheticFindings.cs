using System.Globalization;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.WorkbookBench;

/// <summary>
/// Deterministic findings for the benchmark. openpyxl_write_only.py computes the same rows with
/// the same formulas, so both writers produce the same cells.
/// </summary>
internal static class SyntheticFindings
{
    public const int Accounts = 200;

    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"];
    private static readonly string[] ResourceTypes = ["AWS::EC2::Instance", "AWS::S3::Bucket", "AWS::IAM::Role", "AWS::RDS::DBInstance", "AWS::CloudFront::Distribution"];
    private static readonly DateTimeOffset Base = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public static string AccountId(int account) => (100_000_000_000L + account).ToString(CultureInfo.InvariantCulture);

    public static string AccountName(int account) => string.Create(CultureInfo.InvariantCulture, $"workload-{account:D3}");

    /// <summary>
    /// Worst first, as the evaluate stage orders findings: the first 5% Critical, then 20% High,
    /// 35% Medium, 25% Low and the rest Unrated.
    /// </summary>
    public static Severity SeverityAt(int i, int count)
    {
        var share = (double)i / Math.Max(count, 1);
        return share < 0.05 ? Severity.Critical
            : share < 0.25 ? Severity.High
            : share < 0.60 ? Severity.Medium
            : share < 0.85 ? Severity.Low
            : Severity.Unrated;
    }

    public static IEnumerable<Finding> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var account = i % Accounts;
            var type = ResourceTypes[i % ResourceTypes.Length];
            yield return new Finding(
                AccountId(account),
                AccountName(account),
                Regions[i / Accounts % Regions.Length],
                string.Create(CultureInfo.InvariantCulture, $"rule-{i / 7 % 60:D2}"),
                type,
                string.Create(CultureInfo.InvariantCulture, $"res-{i:D8}"),
                string.Create(CultureInfo.InvariantCulture, $"name-{i}"),
                i % 5 == 0 ? ComplianceType.Compliant : ComplianceType.NonCompliant,
                string.Create(CultureInfo.InvariantCulture, $"Resource res-{i:D8} violates rule-{i / 7 % 60:D2}"),
                Base.AddMinutes(-(i % 10_080)),
                new Dictionary<string, string>
                {
                    ["Owner"] = string.Create(CultureInfo.InvariantCulture, $"team{i % 17}"),
                    ["Env"] = i % 2 == 0 ? "dev" : "prod",
                },
                SeverityAt(i, count),
                string.Create(CultureInfo.InvariantCulture, $"team{i % 17}"));
        }
    }
}
