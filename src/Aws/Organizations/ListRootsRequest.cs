namespace ComplianceReport.Aws.Organizations;

public sealed record ListRootsRequest(string? NextToken, int? MaxResults);
