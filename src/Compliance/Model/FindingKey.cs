namespace ComplianceReport.Compliance.Model;

public readonly record struct FindingKey(
    string AccountId,
    string Region,
    string RuleName,
    string ResourceType,
    string ResourceId);
