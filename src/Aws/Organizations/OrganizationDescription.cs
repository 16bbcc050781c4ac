namespace ComplianceReport.Aws.Organizations;

/// <summary>Organizations' <c>Organization</c> shape, the members this product reads.</summary>
public sealed record OrganizationDescription(string Id, string? Arn, string? FeatureSet, string? MasterAccountId, string? MasterAccountEmail);
