namespace ComplianceReport.Aws.Organizations;

/// <summary>The response shape of ListAccounts and ListAccountsForParent.</summary>
public sealed record ListAccountsResponse(IReadOnlyList<OrganizationMemberAccount>? Accounts, string? NextToken);
