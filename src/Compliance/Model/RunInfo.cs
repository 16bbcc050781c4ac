namespace ComplianceReport.Compliance.Model;

/// <summary>Metadata of one report run, shown on the Summary sheet and in the Jira ticket.</summary>
/// <param name="RunId">The ISO week (<c>2026-W48</c>) for scheduled runs, a unique id for on-demand ones.</param>
/// <param name="IsoWeek">The ISO week the run belongs to, used in file names and S3 keys.</param>
public sealed record RunInfo(
    string RunId,
    string IsoWeek,
    RunTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string? TraceId);
