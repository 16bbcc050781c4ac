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
        evaluator.Evaluate(runId, Results(), Baseline(state), completedAt);

    /// <summary>The figures so far: the final ones once evaluated, else over the accounts done.</summary>
    public ReportTotals Totals() =>
        state.Report?.Totals ?? ReportEvaluator.Totals(state.Outcomes.Values.Select(o => o.ToResult()).ToList(), Baseline(state));

    public ReportContent Content(RunInfo run)
    {
        var summary = state.Report ?? throw new InvalidOperationException($"Run {runId} has not been evaluated.");
        var outcomes = OutcomesInOrder().ToList();
        return new ReportContent(
            run,
            summary,
            outcomes.Select(o => o.Summary).ToList(),
            FindingsAsync(grains, runId, state.Accounts ?? [], CancellationToken.None),
            outcomes.SelectMany(o => o.Changes).ToList(),
            outcomes.SelectMany(o => o.Errors).ToList());
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
            outcomes.SelectMany(o => o.Changes).ToList(),
            outcomes.SelectMany(o => o.Errors).ToList());
    }

    private static ReportBaseline Baseline(RunState state) => new(state.BaselineRunId, state.History);

    private List<AccountResult> Results() => OutcomesInOrder().Select(o => o.ToResult()).ToList();

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
    private static async IAsyncEnumerable<Finding> FindingsAsync(IGrainFactory grains, string runId, IReadOnlyList<OrganizationAccount> accounts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new Queue<Task<IReadOnlyList<Finding>>>();
        foreach (var account in accounts)
        {
            window.Enqueue(grains.GetGrain<IAccountGrain>(account.AccountId).GetRunFindingsAsync(runId, cancellationToken));
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
