namespace ComplianceReport.AwsSimulator.Model;

/// <summary>
/// A Config rule in one account and region with the compliance DescribeComplianceByConfigRule
/// reports: NON_COMPLIANT, COMPLIANT, or INSUFFICIENT_DATA when no resource is in scope.
/// </summary>
public sealed record SimulatedRule(string Name, string ResourceType, string Compliance, int EvaluatedResources, int NonCompliantResources);
