using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Delivery.Tests.Support;

/// <summary>Report artifacts over a real file in a temporary folder, with figures like a real run's.</summary>
public sealed class TestArtifacts : IDisposable
{
    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    public TestArtifacts()
    {
        Directory = Path.Combine(Path.GetTempPath(), "delivery-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static RunInfo ScheduledRun(string week = "2026-W48") =>
        new(week, week, RunTrigger.Scheduled, new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 6, 4, 0, TimeSpan.Zero), TraceId);

    public static ReportSummary Summary(ReportTotals totals, IReadOnlyList<AccountSummary> worstAccounts) =>
        new(totals, [new RuleSummary("restricted-ssh", 12, 40)], worstAccounts.Select(a => new AccountStanding(a, ResolvedOwner.Unassigned, SeverityCounts.Zero.Add(Severity.Unrated, a.NonCompliantResources), 0)).ToList(), []);

    public static ReportTotals Totals() => new(
        Accounts: 300,
        AccountsScanned: 290,
        AccountsFailed: 6,
        AccountsSkipped: 4,
        AccountsWithFindings: 56,
        NonCompliantResources: 1234,
        NewFindings: 120,
        ResolvedFindings: 45,
        CompliancePercent: 0.873,
        PreviousCompliancePercent: 0.85,
        ComparedWithRunId: "2026-W47");

    public static Finding Finding(string accountName = "Payments Prod", string? annotation = "Security group allows 0.0.0.0/0 on port 22") => new(
        "111122223333",
        accountName,
        "eu-west-1",
        "restricted-ssh",
        "AWS::EC2::SecurityGroup",
        "sg-0123456789abcdef0",
        "bastion",
        ComplianceType.NonCompliant,
        annotation,
        new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
        new Dictionary<string, string>());

    /// <summary>Writes <paramref name="bytes"/> as the workbook and describes it.</summary>
    public ReportArtifact Create(byte[] bytes, RunInfo? run = null, string accountName = "Payments Prod", string? annotation = "Security group allows 0.0.0.0/0 on port 22")
    {
        run ??= ScheduledRun();
        var path = Path.Combine(Directory, $"compliance-report-{run.IsoWeek}.xlsx");
        File.WriteAllBytes(path, bytes);
        var account = new OrganizationAccount("111122223333", accountName, "aws+payments@example.com", AccountStatus.Active, "Root/Prod");
        return new ReportArtifact(
            run,
            Path.GetFileName(path),
            path,
            bytes.LongLength,
            Summary(Totals(), [new AccountSummary(account, AccountScanStatus.Scanned, 20, 3, 17, 0.87, null)]),
            [new FindingChange(ChangeKind.New, Finding(accountName, annotation)), new FindingChange(ChangeKind.Resolved, Finding(accountName, annotation) with { RuleName = "s3-bucket-public-read-prohibited" })],
            [new ErrorEntry("444455556666", accountName, null, new ScanError(ScanErrorKind.AccessDenied, "AssumeRole on system-config-report-generator-read-role was denied", "AccessDenied"))]);
    }

    public static byte[] RandomBytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
