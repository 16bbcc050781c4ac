namespace ComplianceReport.Aws.Organizations;

/// <summary>Organizations' <c>Account</c> shape (Status: ACTIVE, SUSPENDED, PENDING_CLOSURE).</summary>
public sealed record OrganizationMemberAccount(string Id, string? Arn, string? Email, string? Name, string? Status);
