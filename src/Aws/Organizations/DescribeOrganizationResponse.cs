namespace ComplianceReport.Aws.Organizations;

public sealed record DescribeOrganizationResponse(OrganizationDescription? Organization);
