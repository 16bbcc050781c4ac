namespace ComplianceReport.Compliance.Model;

/// <summary>What a run is compared with: the previous scheduled run, and the history before it.</summary>
/// <param name="RunId">The previous scheduled run that completed; null when there is none yet.</param>
/// <param name="History">Earlier completed runs' compliance, oldest first.</param>
public sealed record ReportBaseline(string? RunId, IReadOnlyList<HistoryPoint> History)
{
    public static ReportBaseline None { get; } = new(null, []);

    /// <summary>The baseline run's overall compliance, when it is in the history.</summary>
    public double? CompliancePercent =>
        RunId is null ? null : History.LastOrDefault(h => h.RunId == RunId)?.CompliancePercent;
}
