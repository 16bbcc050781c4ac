namespace ComplianceReport.Compliance.Model;

/// <summary>One Config rule in one account and region, with its overall compliance.</summary>
/// <param name="NonCompliantResourceCount">Config's capped count, when it reports one.</param>
/// <param name="SourceIdentifier">The managed rule's identifier (e.g. <c>INCOMING_SSH_DISABLED</c>) from DescribeConfigRules; null for custom rules or when unknown.</param>
public sealed record RuleCompliance(
    string RuleName,
    ComplianceType Compliance,
    int? NonCompliantResourceCount,
    string? SourceIdentifier = null);
