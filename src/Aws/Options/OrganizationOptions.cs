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

    /// <summary>Where compliance comes from; Organizations stays the authority for accounts, status and OU paths either way.</summary>
    public ComplianceSource Source { get; set; } = ComplianceSource.AssumeRole;

    /// <summary>The organization aggregator's name (Source = Aggregator).</summary>
    public string? AggregatorName { get; set; }

    /// <summary>The 12-digit account that holds the aggregator, usually the delegated administrator (Source = Aggregator).</summary>
    public string? AggregatorAccountId { get; set; }

    /// <summary>The region the aggregator lives in (Source = Aggregator).</summary>
    public string? AggregatorRegion { get; set; }

    /// <summary>The role the hub assumes in the aggregator's account.</summary>
    public string AggregatorRoleName { get; set; } = "system-config-report-generator-aggregator-read-role";

    /// <summary>
    /// Also read each finding's annotation from the aggregator (Source = Aggregator). Costs one
    /// GetAggregateComplianceDetailsByConfigRule chain per non-compliant rule per account-region, all
    /// against the aggregator's one rate limit, which is most of the calls; off, findings carry no annotation.
    /// </summary>
    public bool AggregatorAnnotations { get; set; }

    /// <summary>
    /// How long an account's tags (read with one paced ListTagsForResource call per account) are
    /// reused by later runs before a run must read them again; each run also renews the longest
    /// unread while its accounts scan. A changed owner tag on an account shows within this time.
    /// </summary>
    public TimeSpan AccountTagsMaxAge { get; set; } = TimeSpan.FromDays(28);
}
