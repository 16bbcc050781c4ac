using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>One AWS account (key: its 12-digit id): its session, latest scan and run baselines.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Scans the account, or reuses a result younger than <see cref="ScanRequest.MaxAge"/>.
    /// Concurrent requests share one scan.
    /// </summary>
    Task<AccountScanOutcome> ScanAsync(ScanRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The findings this account contributed to run <paramref name="runId"/> (empty if none), with
    /// severity, owner and exception applied as <paramref name="context"/> says (null: raw findings).
    /// </summary>
    Task<IReadOnlyList<Finding>> GetRunFindingsAsync(string runId, EvaluationContext? context, CancellationToken cancellationToken);

    /// <summary>
    /// The evaluate stage for this account's scan of run <paramref name="runId"/>: figures after
    /// severities, owners and exceptions, and changes against <paramref name="baselineRunId"/>.
    /// Null when the account holds no scan for that run.
    /// </summary>
    Task<AccountResult?> EvaluateRunAsync(string runId, string? baselineRunId, EvaluationContext context, CancellationToken cancellationToken);

    Task<AccountDetails> GetDetailsAsync(CancellationToken cancellationToken);

    /// <summary>Records the account as discovery last described it (name, status, OU path), without scanning.</summary>
    Task UpdateAccountAsync(OrganizationAccount account, CancellationToken cancellationToken);
}
