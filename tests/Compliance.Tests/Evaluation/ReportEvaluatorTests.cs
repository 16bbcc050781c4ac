using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Tests.Evaluation;

public sealed class ReportEvaluatorTests
{
    private static readonly DateTimeOffset Completed = new(2026, 11, 30, 6, 5, 0, TimeSpan.Zero);

    [Fact]
    public void The_account_counts_add_up_and_each_status_is_counted_once()
    {
        var accounts = new[]
        {
            Result("100000000001", AccountScanStatus.Scanned, compliant: 8, nonCompliant: 2, resources: 5, rules: new() { ["restricted-ssh"] = 3, ["s3-bucket-public-read-prohibited"] = 2 }),
            Result("100000000002", AccountScanStatus.Partial, compliant: 4, nonCompliant: 1, resources: 1, rules: new() { ["restricted-ssh"] = 1 }, errors: 1),
            Result("100000000003", AccountScanStatus.Failed, errors: 1),
            Result("100000000004", AccountScanStatus.Skipped, errors: 1, reused: true),
        };

        var summary = new ReportEvaluator().Evaluate("2026-W49", accounts, ReportBaseline.None, Completed);
        var totals = summary.Totals;

        Assert.Equal((4, 1, 1, 1, 1), (totals.Accounts, totals.AccountsScanned, totals.AccountsPartial, totals.AccountsFailed, totals.AccountsSkipped));
        Assert.Equal(2, totals.AccountsRead);
        Assert.Equal(6, totals.NonCompliantResources);
        Assert.Equal(2, totals.AccountsWithFindings);
        Assert.Equal(3, totals.ScanErrors);
        Assert.Equal(1, totals.ScansReused);
        Assert.Equal(12.0 / 15, totals.CompliancePercent!.Value, 9);
        Assert.Null(totals.ComparedWithRunId);
        Assert.Null(totals.PreviousCompliancePercent);

        // Rules: by accounts affected, then resources; they sum to the resources.
        Assert.Equal(["restricted-ssh", "s3-bucket-public-read-prohibited"], summary.Rules.Select(r => r.RuleName));
        Assert.Equal((2, 4), (summary.Rules[0].AccountsNonCompliant, summary.Rules[0].NonCompliantResources));
        Assert.Equal(totals.NonCompliantResources, summary.Rules.Sum(r => r.NonCompliantResources));
        // A failed account is listed among the worst, never shown as clean; the skipped one is not.
        Assert.Equal(["100000000001", "100000000002", "100000000003"], summary.WorstAccounts.Select(a => a.Summary.Account.AccountId));
    }

    [Fact]
    public void Changes_and_the_previous_figure_come_from_the_baseline_run()
    {
        var change = new FindingChange(ChangeKind.New, Finding("100000000001"));
        var resolved = new FindingChange(ChangeKind.Resolved, Finding("100000000001"));
        var accounts = new[] { Result("100000000001", AccountScanStatus.Scanned, compliant: 9, nonCompliant: 1, resources: 1, changes: [change, resolved, resolved]) };
        var history = new List<HistoryPoint>
        {
            new("2026-W47", Completed.AddDays(-14), 0.70, 4),
            new("2026-W48", Completed.AddDays(-7), 0.80, 3),
            new("2026-W48-ondemand-1", Completed.AddDays(-2), 0.95, 1),
        };

        var summary = new ReportEvaluator().Evaluate("2026-W49", accounts, new ReportBaseline("2026-W48", history), Completed);

        Assert.Equal("2026-W48", summary.Totals.ComparedWithRunId);
        Assert.Equal(0.80, summary.Totals.PreviousCompliancePercent);
        Assert.Equal((1, 2), (summary.Totals.NewFindings, summary.Totals.ResolvedFindings));
        Assert.Equal(["2026-W47", "2026-W48", "2026-W48-ondemand-1", "2026-W49"], summary.History.Select(h => h.RunId));
        Assert.Equal(0.9, summary.History[^1].CompliancePercent, 9);
    }

    [Fact]
    public void A_resumed_run_evaluated_again_does_not_repeat_itself_in_the_history()
    {
        var accounts = new[] { Result("100000000001", AccountScanStatus.Scanned, compliant: 1) };
        var history = new List<HistoryPoint> { new("2026-W49", Completed, 1.0, 0) };

        var summary = new ReportEvaluator().Evaluate("2026-W49", accounts, new ReportBaseline(null, history), Completed);

        Assert.Single(summary.History);
    }

    [Fact]
    public void Nothing_evaluated_gives_no_compliance_and_no_history_point()
    {
        var summary = new ReportEvaluator().Evaluate("2026-W49", [Result("100000000003", AccountScanStatus.Failed, errors: 1)], ReportBaseline.None, Completed);

        Assert.Null(summary.Totals.CompliancePercent);
        Assert.Empty(summary.History);
        Assert.Equal("100000000003", Assert.Single(summary.WorstAccounts).Summary.Account.AccountId);
    }

    private static AccountResult Result(
        string accountId,
        AccountScanStatus status,
        int compliant = 0,
        int nonCompliant = 0,
        int resources = 0,
        Dictionary<string, int>? rules = null,
        int errors = 0,
        bool reused = false,
        IReadOnlyList<FindingChange>? changes = null)
    {
        var account = new OrganizationAccount(accountId, $"acct-{accountId[^1]}", "a@example.com", AccountStatus.Active, "Root");
        var evaluated = compliant + nonCompliant;
        var summary = new AccountSummary(account, status, compliant, nonCompliant, resources, evaluated == 0 ? null : (double)compliant / evaluated, null);
        var errorList = Enumerable.Range(0, errors).Select(_ => new ErrorEntry(accountId, account.Name, null, new ScanError(ScanErrorKind.AccessDenied, "denied"))).ToList();
        return new AccountResult(summary, rules ?? [], changes ?? [], errorList, reused);
    }

    private static Finding Finding(string accountId) =>
        new(accountId, "acct", "us-east-1", "restricted-ssh", "AWS::EC2::SecurityGroup", "sg-1", null, ComplianceType.NonCompliant, null, Completed, new Dictionary<string, string>());
}
