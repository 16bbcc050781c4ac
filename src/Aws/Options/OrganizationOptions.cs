namespace ComplianceReport.Aws.Options;

/// <summary>Configuration section <c>Organization</c>: which organization to read and with which roles.</summary>
public sealed class OrganizationOptions
{
    public const string SectionName = "Organization";

    /// <summary>The 12-digit id of the Organization management account (where the list-org role lives).</summary>
    public string ManagementAccountId { get; set; } = string.Empty;

    public string ListOrgRoleName { get; set; } = "system-config-report-generator-list-org-role";

    public string ReadRoleName { get; set; } = "system-config-report-generator-read-role";

    /// <summary>The sts:ExternalId the roles' trust policies require, if any.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Roots or OUs whose accounts are scanned (all levels below); empty means the whole organization.</summary>
    public List<string> ParentIds { get; set; } = [];

    public List<string> ExcludeAccountIds { get; set; } = [];

    /// <summary>The regions read in every account.</summary>
    public List<string> Regions { get; set; } = [];
}
