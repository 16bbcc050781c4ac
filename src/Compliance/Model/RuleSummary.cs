namespace ComplianceReport.Compliance.Model;

/// <summary>One line of the Rules sheet.</summary>
public sealed record RuleSummary(string RuleName, int AccountsNonCompliant, int NonCompliantResources, Severity Severity = Severity.Unrated);
