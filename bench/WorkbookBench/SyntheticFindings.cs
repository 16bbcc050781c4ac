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
                });
        }
    }
}
