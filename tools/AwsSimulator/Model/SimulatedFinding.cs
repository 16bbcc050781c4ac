namespace ComplianceReport.AwsSimulator.Model;

/// <summary>One NON_COMPLIANT evaluation with the resource's name and tags as BatchGetResourceConfig returns them.</summary>
public sealed record SimulatedFinding(
    string RuleName,
    string ResourceType,
    string ResourceId,
    string ResourceName,
    string Annotation,
    DateTimeOffset ResultRecordedTime,
    IReadOnlyDictionary<string, string> Tags);
