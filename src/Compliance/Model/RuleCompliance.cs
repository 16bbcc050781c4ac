namespace ComplianceReport.Compliance.Model;

/// <summary>One Config rule in one account and region, with its overall compliance.</summary>
/// <param name="NonCompliantResourceCount">Config's capped count, when it reports one.</param>
public sealed record RuleCompliance(
    string RuleName,
    ComplianceType Compliance,
    int? NonCompliantResourceCount);
