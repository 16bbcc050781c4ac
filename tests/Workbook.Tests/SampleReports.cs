using System.Globalization;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Workbook.Tests;

/// <summary>Deterministic report content of any size for the tests.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset Started = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public static RunInfo Run => new("2026-W48", "2026-W48", RunTrigger.Scheduled, Started, Started.AddMinutes(3), "4bf92f3577b34da6a3ce929d0e0e4736");

    public static AccountSummary Account(int i, AccountScanStatus status = AccountScanStatus.Scanned, ScanError? error = null) => new(
        new OrganizationAccount(AccountId(i), $"workload-{i}", $"aws+{i}@example.com", AccountStatus.Active, $"Root/Prod/Team{i % 3}"),
        status,
        CompliantRules: 10 + i,
        NonCompliantRules: i % 4,
        NonCompliantResources: i % 4 * 2,
        CompliancePercent: (10.0 + i) / (10 + i + (i % 4)),
        Error: error);

    public static string AccountId(int i) => (100000000000L + i).ToString(CultureInfo.InvariantCulture);

    public static Finding Finding(int account, int n, ComplianceType compliance = ComplianceType.NonCompliant, string? name = null, string? annotation = null) => new(
        AccountId(account),
        $"workload-{account}",
        n % 2 == 0 ? "us-east-1" : "eu-west-1",
        $"rule-{n % 5}",
        "AWS::EC2::Instance",
        $"i-{account:D4}{n:D8}",
        name ?? $"server-{n}",
        compliance,
        annotation ?? $"Finding {n} needs attention",
        Started.AddHours(-n),
        new Dictionary<string, string> { ["Owner"] = $"team{n % 3}", ["Env"] = "prod" },
        SeverityOf(n),
        $"team{n % 3}");

    /// <summary>rule-{n % 5} rates (Severity)(n % 5): rule-4 Critical down to rule-0 Unrated.</summary>
    public static Severity SeverityOf(int n) => (Severity)(n % 5);

    public static IEnumerable<Finding> Findings(int accounts, int perAccount)
    {
        for (var a = 0; a < accounts; a++)
        {
            for (var n = 0; n < perAccount; n++)
            {
                yield return Finding(a, n, n % 3 == 2 ? ComplianceType.Compliant : ComplianceType.NonCompliant);
            }
        }
    }

    public static ReportContent Content(int accounts, int findingsPerAccount, bool withHistory = false)
    {
        var summaries = Enumerable.Range(0, accounts).Select(i => Account(i)).ToList();
        var changes = accounts == 0
            ? new List<FindingChange>()
            : [new FindingChange(ChangeKind.New, Finding(0, 1)), new FindingChange(ChangeKind.Resolved, Finding(0, 900))];
        var errors = accounts == 0
            ? new List<ErrorEntry>()
            : [new ErrorEntry(AccountId(0), "workload-0", "ap-south-1", new ScanError(ScanErrorKind.ConfigNotEnabled, "No Config recorder")),
               new ErrorEntry(AccountId(1), "workload-1", null, new ScanError(ScanErrorKind.AccessDenied, "AssumeRole was refused", "AccessDenied"))];
        var history = withHistory
            ? Enumerable.Range(0, 5).Select(w => new HistoryPoint($"2026-W{44 + w}", Started.AddDays(7 * (w - 4)), 0.6 + (0.05 * w), 100 - (10 * w))).ToList()
            : [];
        return new ReportContent(Run, summaries, Findings(accounts, findingsPerAccount).ToAsyncEnumerable(), changes, errors, history);
    }

    public static async Task<byte[]> WriteAsync(ReportContent content, int maxRowsPerSheet = ComplianceWorkbookWriter.ExcelMaxRows)
    {
        using var stream = new MemoryStream();
        await new ComplianceWorkbookWriter(maxRowsPerSheet).WriteAsync(content, stream, CancellationToken.None);
        return stream.ToArray();
    }
}
