namespace ComplianceReport.Compliance.Model;

/// <summary>Overall compliance of one recorded run, for the Summary sheet's trend chart.</summary>
public sealed record HistoryPoint(string RunId, DateTimeOffset CompletedAt, double CompliancePercent, int NonCompliantResources);
