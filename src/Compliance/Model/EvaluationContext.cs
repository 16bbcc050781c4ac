namespace ComplianceReport.Compliance.Model;

/// <summary>
/// What a run evaluates every account with, fixed when the run starts so that a resumed run, and a
/// workbook rebuilt on another silo, give exactly the same figures.
/// </summary>
/// <param name="Exceptions">The accepted-risk entries of <c>Report:ExceptionsFile</c>, as loaded at the run's start.</param>
/// <param name="Today">The day expiries are judged on (the run's start, UTC).</param>
/// <param name="AccountTags">The accounts' tags, read once per run; only the evaluated account's are sent to its grain.</param>
public sealed record EvaluationContext(
    IReadOnlyList<AcceptedRisk> Exceptions,
    DateOnly Today,
    AccountTags AccountTags)
{
    /// <summary>The context for one account: its own tags only.</summary>
    public EvaluationContext For(string accountId) =>
        this with
        {
            AccountTags = new AccountTags(
                new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal) { [accountId] = AccountTags.For(accountId) },
                AccountTags.Unavailable),
        };
}
