namespace ComplianceReport.Aws.Organizations;

public sealed record ListAccountsRequest(string? NextToken, int? MaxResults);
