namespace ComplianceReport.AwsSimulator.Model;

/// <summary>An organizational unit; <see cref="Path"/> is the names from the root, e.g. "Root/Workloads/Prod/payments".</summary>
public sealed record SimulatedOrganizationalUnit(string Id, string Arn, string Name, string ParentId, string Path, int Depth);
