using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Client.Tests;

/// <summary>Runs and accounts as the cluster would return them.</summary>
public static class Samples
{
    public static readonly DateTimeOffset At = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    public static readonly ReportTotals Totals = new(
        Accounts: 4, AccountsScanned: 2, AccountsFailed: 1, AccountsSkipped: 0, AccountsWithFindings: 2, NonCompliantResources: 42,
        NewFindings: 3, ResolvedFindings: 1, CompliancePercent: 0.635, PreviousCompliancePercent: 0.6, AccountsPartial: 1,
        ComparedWithRunId: "2026-W48", BySeverity: new SeverityCounts(2, 10, 20, 5, 5));

    public static RunStatus Run(string runId, RunPhase phase, params DeliveryResult[] deliveries) => new(
        runId, "2026-W49", RunTrigger.Scheduled, phase, At, phase is RunPhase.Completed or RunPhase.CompletedWithErrors or RunPhase.Failed ? At.AddMinutes(3) : null,
        4, phase is RunPhase.Scanning ? 1 : 4, 1, 0, 42, 0.635, "/out/compliance-report-2026-W49.xlsx", deliveries, [], "0af7651916cd43dd8448eb211c80319c",
        phase == RunPhase.Failed ? "InvalidExceptionsFileException: exceptions.yaml:3: owner: is required" : null, 0, AwsCallCount.None, Totals);

    public static AccountSummary Summary(string id, string name, AccountScanStatus status, int resources, double? percent = 0.5, string ouPath = "Root/Prod") =>
        new(new OrganizationAccount(id, name, $"aws+{name}@example.com", AccountStatus.Active, ouPath), status, 10, resources > 0 ? 2 : 0, resources, percent,
            status == AccountScanStatus.Failed ? new ScanError(ScanErrorKind.AccessDenied, "role not found or not trusted: arn:aws:iam::" + id + ":role/read-role") : null);

    public static List<AccountStanding> Accounts() =>
    [
        new(Summary("111111111111", "payments-prod-with-a-very-long-account-name", AccountScanStatus.Scanned, 30, 0.4), new ResolvedOwner("payments", OwnerSource.AccountTag), new SeverityCounts(2, 8, 10, 5, 5), 2),
        new(Summary("222222222222", "sandbox, shared", AccountScanStatus.Partial, 12, 0.8, "Root/Sandbox"), new ResolvedOwner("platform", OwnerSource.OuPath), new SeverityCounts(0, 2, 10, 0, 0), -1),
        new(Summary("333333333333", "legacy", AccountScanStatus.Failed, 0, null), ResolvedOwner.Unassigned, SeverityCounts.Zero, 0),
        new(Summary("444444444444", "clean", AccountScanStatus.Scanned, 0, 1.0), new ResolvedOwner("payments", OwnerSource.AccountTag), SeverityCounts.Zero, 0),
    ];

    /// <summary>A cluster with one completed, delivered run of four accounts.</summary>
    public static FakeComplianceApi Cluster()
    {
        var api = new FakeComplianceApi();
        api.Runs.Add(Run("2026-W49", RunPhase.Completed, new DeliveryResult("s3", true, "s3://bucket/2026/2026-W49/compliance-report-2026-W49.xlsx", null, null)));
        api.Standings["2026-W49"] = Accounts();
        return api;
    }
}
