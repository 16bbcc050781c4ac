using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Evaluation;

/// <summary>
/// The evaluate stage for a whole run: turns the accounts' results and the baseline into the one
/// <see cref="ReportSummary"/> that every output shows. Pure: the same input gives the same figures,
/// so a run resumed on another silo reports exactly what it would have.
/// </summary>
public sealed class ReportEvaluator
{
    public const int WorstCount = 10;

    /// <param name="accounts">The report's accounts, in report order.</param>
    /// <param name="completedAt">When the run's data was complete: this run's point in the history.</param>
    public ReportSummary Evaluate(string runId, IReadOnlyList<AccountResult> accounts, ReportBaseline baseline, DateTimeOffset completedAt)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(baseline);
        var totals = Totals(accounts, baseline);
        var history = baseline.History.Where(h => h.RunId != runId).ToList();
        if (totals.CompliancePercent is { } percent)
        {
            history.Add(new HistoryPoint(runId, completedAt, percent, totals.NonCompliantResources));
        }

        return new ReportSummary(totals, Rules(accounts), WorstAccounts(accounts), history);
    }

    /// <summary>The totals alone, also for a run still scanning (over the accounts done so far).</summary>
    public static ReportTotals Totals(IReadOnlyCollection<AccountResult> accounts, ReportBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(baseline);
        int scanned = 0, partial = 0, failed = 0, skipped = 0, withFindings = 0, resources = 0;
        int added = 0, resolved = 0, errors = 0, reused = 0;
        long compliantRules = 0, evaluatedRules = 0;
        foreach (var account in accounts)
        {
            var summary = account.Summary;
            switch (summary.Status)
            {
                case AccountScanStatus.Scanned:
                    scanned++;
                    break;
                case AccountScanStatus.Partial:
                    partial++;
                    break;
                case AccountScanStatus.Failed:
                    failed++;
                    break;
                default:
                    skipped++;
                    break;
            }

            withFindings += summary.NonCompliantResources > 0 ? 1 : 0;
            resources += summary.NonCompliantResources;
            compliantRules += summary.CompliantRules;
            evaluatedRules += summary.CompliantRules + summary.NonCompliantRules;
            errors += account.Errors.Count;
            reused += account.Reused ? 1 : 0;
            foreach (var change in account.Changes)
            {
                added += change.Kind == ChangeKind.New ? 1 : 0;
                resolved += change.Kind == ChangeKind.Resolved ? 1 : 0;
            }
        }

        return new ReportTotals(
            Accounts: accounts.Count,
            AccountsScanned: scanned,
            AccountsFailed: failed,
            AccountsSkipped: skipped,
            AccountsWithFindings: withFindings,
            NonCompliantResources: resources,
            NewFindings: added,
            ResolvedFindings: resolved,
            CompliancePercent: evaluatedRules == 0 ? null : (double)compliantRules / evaluatedRules,
            PreviousCompliancePercent: baseline.CompliancePercent,
            AccountsPartial: partial,
            ScanErrors: errors,
            ScansReused: reused,
            ComparedWithRunId: baseline.RunId);
    }

    /// <summary>Rules by accounts affected, then resources.</summary>
    private static List<RuleSummary> Rules(IReadOnlyList<AccountResult> accounts)
    {
        var tally = new Dictionary<string, (int Accounts, int Resources)>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            foreach (var (rule, count) in account.NonCompliantByRule)
            {
                var (a, r) = tally.GetValueOrDefault(rule);
                tally[rule] = (a + 1, r + count);
            }
        }

        return tally
            .Select(pair => new RuleSummary(pair.Key, pair.Value.Accounts, pair.Value.Resources))
            .OrderByDescending(r => r.AccountsNonCompliant)
            .ThenByDescending(r => r.NonCompliantResources)
            .ThenBy(r => r.RuleName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The accounts with the most non-compliant resources, worst first.</summary>
    private static List<AccountSummary> WorstAccounts(IReadOnlyList<AccountResult> accounts) =>
        accounts.Select(a => a.Summary)
            .Where(a => a.NonCompliantResources > 0)
            .OrderByDescending(a => a.NonCompliantResources)
            .ThenBy(a => a.Account.AccountId, StringComparer.Ordinal)
            .Take(WorstCount)
            .ToList();
}
