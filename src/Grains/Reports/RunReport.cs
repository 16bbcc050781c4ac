using System.Runtime.CompilerServices;
using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;

namespace ComplianceReport.Grains.Reports;

/// <summary>
/// Assembly: reads a run's recorded outcomes in report order and hands them to the evaluate stage
/// once; the workbook's content and the sinks' artifact are views of that one summary.
/// </summary>
internal sealed class RunReport(string runId, RunState state, ReportEvaluator evaluator, IGrainFactory grains)
{
    private const int FindingsPrefetch = 16;

    /// <summary>Evaluates the run; called once, when scanning has ended.</summary>
    public ReportSummary Evaluate(DateTimeOffset completedAt) =>
        evaluator.Evaluate(runId, Results(), Baseline(state), completedAt, state.Context?.Exceptions, state.Context?.Today);

    /// <summary>The figures so far: the final ones once evaluated, else over the accounts done.</summary>
    public ReportTotals Totals() =>
        state.Report?.Totals ?? ReportEvaluator.Totals(state.Outcomes.Values.Select(o => o.ToResult()).ToList(), Baseline(state));

    /// <summary>Every account of the run in report order; one not scanned (yet) shows as skipped.</summary>
    public IReadOnlyList<AccountStanding> Standings()
    {
        var results = Results().ToDictionary(r => r.Summary.Account.AccountId, StringComparer.Ordinal);
        return (state.Accounts ?? [])
            .Select(a => ReportEvaluator.Standing(results.TryGetValue(a.AccountId, out var result)
                ? result
                : new AccountResult(new AccountSummary(a, AccountScanStatus.Skipped, 0, 0, 0, null, null), new Dictionary<string, int>(), [], [], Reused: false)))
            .ToList();
    }

    public ReportContent Content(RunInfo run)
    {
        var summary = state.Report ?? throw new InvalidOperationException($"Run {runId} has not been evaluated.");
        var outcomes = OutcomesInOrder().ToList();
        var results = Results();
        return new ReportContent(
            run,
            summary,
            results.Select(r => r.Summary).ToList(),
            FindingsAsync(grains, runId, state.Accounts ?? [], state.Context, CancellationToken.None),
            results.SelectMany(r => r.Changes).ToList(),
            outcomes.SelectMany(o => o.Errors).ToList(),
            results);
    }

    public ReportArtifact Artifact(RunInfo run, string workbookPath)
    {
        var summary = state.Report ?? throw new InvalidOperationException($"Run {runId} has not been evaluated.");
        var outcomes = OutcomesInOrder().ToList();
        return new ReportArtifact(
            run,
            Path.GetFileName(workbookPath),
            workbookPath,
            new FileInfo(workbookPath).Length,
            summary,
            Results().SelectMany(r => r.Changes).ToList(),
            outcomes.SelectMany(o => o.Errors).ToList(),
            FindingsAsync(grains, runId, state.Accounts ?? [], state.Context, CancellationToken.None));
    }

    private static ReportBaseline Baseline(RunState state) => new(state.BaselineRunId, state.History);

    /// <summary>The evaluated results in report order; an account without one keeps its raw outcome.</summary>
    private List<AccountResult> Results() =>
        (state.Accounts ?? [])
            .Where(a => state.Outcomes.ContainsKey(a.AccountId))
            .Select(a => state.Results.TryGetValue(a.AccountId, out var result) ? result : state.Outcomes[a.AccountId].ToResult())
            .ToList();

    /// <summary>The recorded outcomes in the report's account order (discovery's order).</summary>
    private IEnumerable<AccountScanOutcome> OutcomesInOrder()
    {
        foreach (var account in state.Accounts ?? [])
        {
            if (state.Outcomes.TryGetValue(account.AccountId, out var outcome))
            {
                yield return outcome;
            }
        }
    }

    /// <summary>
    /// Streams each account's findings in report order, a few accounts ahead. It runs on the
    /// writer's thread, outside the grain's context, hence the captured factory and run id.
    /// </summary>
    private static async IAsyncEnumerable<Finding> FindingsAsync(IGrainFactory grains, string runId, IReadOnlyList<OrganizationAccount> accounts, EvaluationContext? context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new Queue<Task<IReadOnlyList<Finding>>>();
        foreach (var account in accounts)
        {
            window.Enqueue(grains.GetGrain<IAccountGrain>(account.AccountId).GetRunFindingsAsync(runId, context?.For(account.AccountId), cancellationToken));
            if (window.Count >= FindingsPrefetch)
            {
                foreach (var finding in await window.Dequeue())
                {
                    yield return finding;
                }
            }
        }

        while (window.Count > 0)
        {
            foreach (var finding in await window.Dequeue())
            {
                yield return finding;
            }
        }
    }
}
