using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Compliance.Evaluation;

/// <summary>
/// The evaluate stage for a whole run: turns the accounts' results and the baseline into the one
/// <see cref="ReportSummary"/> that every output shows. Pure: the same input gives the same figures,
/// so a run resumed on another silo reports exactly what it would have.
/// </summary>
/// <param name="options">For <c>Report:ExceptionsWarnDays</c>; the default (14 days) without it.</param>
public sealed class ReportEvaluator(IOptions<ReportEvaluationOptions>? options = null)
{
    public const int WorstCount = 10;

    private readonly int _warnDays = options?.Value.ExceptionsWarnDays ?? ReportEvaluationOptions.DefaultExceptionsWarnDays;

    /// <param name="accounts">The report's accounts, in report order.</param>
    /// <param name="completedAt">When the run's data was complete: this run's point in the history.</param>
    /// <param name="exceptions">The run's exceptions entries, to report what each covered.</param>
    public ReportSummary Evaluate(string runId, IReadOnlyList<AccountResult> accounts, ReportBaseline baseline, DateTimeOffset completedAt, IReadOnlyList<AcceptedRisk>? exceptions = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(baseline);
        var totals = Totals(accounts, baseline);
        var history = baseline.History.Where(h => h.RunId != runId).ToList();
        if (totals.CompliancePercent is { } percent)
        {
            history.Add(new HistoryPoint(runId, completedAt, percent, totals.NonCompliantResources));
        }

        return new ReportSummary(
            totals,
            Rules(accounts),
            WorstAccounts(accounts),
            history,
            Owners(accounts),
            Usage(accounts, exceptions ?? [], today ?? DateOnly.FromDateTime(completedAt.UtcDateTime)));
    }

    /// <summary>The totals alone, also for a run still scanning (over the accounts done so far).</summary>
    public static ReportTotals Totals(IReadOnlyCollection<AccountResult> accounts, ReportBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(baseline);
        int scanned = 0, partial = 0, failed = 0, skipped = 0, withFindings = 0, resources = 0;
        int added = 0, resolved = 0, errors = 0, reused = 0, raw = 0, accepted = 0;
        long compliantRules = 0, evaluatedRules = 0;
        var bySeverity = SeverityCounts.Zero;
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
            raw += Math.Max(account.RawNonCompliantResources, summary.NonCompliantResources);
            accepted += account.AcceptedByEntry?.Values.Sum() ?? 0;
            bySeverity = bySeverity.Add(account.BySeverity ?? SeverityCounts.Zero.Add(Severity.Unrated, summary.NonCompliantResources));
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
            ComparedWithRunId: baseline.RunId,
            RawNonCompliantResources: raw,
            AcceptedFindings: accepted,
            BySeverity: bySeverity);
    }

    /// <summary>Rules worst severity first, then by accounts affected, then resources.</summary>
    private static List<RuleSummary> Rules(IReadOnlyList<AccountResult> accounts)
    {
        var tally = new Dictionary<string, (int Accounts, int Resources, Severity Severity)>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            foreach (var (rule, count) in account.NonCompliantByRule)
            {
                var (a, r, severity) = tally.GetValueOrDefault(rule);
                if (account.RuleSeverities?.TryGetValue(rule, out var rating) == true && rating.Severity > severity)
                {
                    severity = rating.Severity;
                }

                tally[rule] = (a + 1, r + count, severity);
            }
        }

        return tally
            .Select(pair => new RuleSummary(pair.Key, pair.Value.Accounts, pair.Value.Resources, pair.Value.Severity))
            .OrderByDescending(r => r.Severity)
            .ThenByDescending(r => r.AccountsNonCompliant)
            .ThenByDescending(r => r.NonCompliantResources)
            .ThenBy(r => r.RuleName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The accounts to chase first: by Critical, then High, Medium, Low and unrated findings, then
    /// resources. Accounts not fully read come first among equals: their figures are incomplete.
    /// </summary>
    private static List<AccountStanding> WorstAccounts(IReadOnlyList<AccountResult> accounts) =>
        accounts
            .Where(a => a.Summary.NonCompliantResources > 0 || a.Summary.Status is AccountScanStatus.Partial or AccountScanStatus.Failed)
            .Select(Standing)
            .OrderByDescending(a => a.BySeverity)
            .ThenByDescending(a => a.Summary.NonCompliantResources)
            .ThenBy(a => a.Summary.Status == AccountScanStatus.Scanned ? 1 : 0)
            .ThenBy(a => a.Summary.Account.AccountId, StringComparer.Ordinal)
            .Take(WorstCount)
            .ToList();

    /// <summary>One account's figures, owner, findings by severity and change, as every output shows them.</summary>
    public static AccountStanding Standing(AccountResult account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountStanding(
            account.Summary,
            account.Owner ?? ResolvedOwner.Unassigned,
            account.BySeverity ?? SeverityCounts.Zero.Add(Severity.Unrated, account.Summary.NonCompliantResources),
            Change(account.Changes));
    }

    /// <summary>Every owner with findings (after exceptions), worst first.</summary>
    private static List<OwnerStanding> Owners(IReadOnlyList<AccountResult> accounts)
    {
        var counts = new Dictionary<string, SeverityCounts>(StringComparer.Ordinal);
        var change = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            foreach (var (owner, bySeverity) in account.ByOwner ?? new Dictionary<string, SeverityCounts>())
            {
                counts[owner] = counts.GetValueOrDefault(owner, SeverityCounts.Zero).Add(bySeverity);
            }

            foreach (var item in account.Changes)
            {
                var owner = item.Finding.Owner ?? ResolvedOwner.UnassignedName;
                change[owner] = change.GetValueOrDefault(owner) + (item.Kind == ChangeKind.New ? 1 : -1);
            }
        }

        return counts.Keys.Union(change.Keys, StringComparer.Ordinal)
            .Select(owner => new OwnerStanding(owner, counts.GetValueOrDefault(owner, SeverityCounts.Zero), change.GetValueOrDefault(owner)))
            .Where(o => o.BySeverity.Total > 0 || o.Change != 0)
            .OrderByDescending(o => o.BySeverity)
            .ThenBy(o => o.Owner, StringComparer.Ordinal)
            .ToList();
    }

    private List<ExceptionUsage> Usage(IReadOnlyList<AccountResult> accounts, IReadOnlyList<AcceptedRisk> exceptions, DateOnly today) =>
        exceptions
            .Select(entry => new ExceptionUsage(
                entry,
                !entry.IsActiveOn(today),
                accounts.Sum(a => a.AcceptedByEntry?.GetValueOrDefault(entry.Id) ?? 0),
                accounts.Sum(a => a.ExpiredByEntry?.GetValueOrDefault(entry.Id) ?? 0),
                entry.IsActiveOn(today) && entry.Expires <= today.AddDays(_warnDays)))
            .ToList();

    private static int Change(IReadOnlyList<FindingChange> changes) =>
        changes.Sum(c => c.Kind == ChangeKind.New ? 1 : -1);
}
