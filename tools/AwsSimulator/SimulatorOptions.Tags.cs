namespace ComplianceReport.AwsSimulator;

/// <summary>
/// Account tags (Organizations ListTagsForResource): most accounts name an owner, some none, and
/// for some the list-org role is refused, so a demo shows owners from resource tags, account tags
/// and OU paths, and the denied case.
/// </summary>
public sealed partial class SimulatorOptions
{
    /// <summary>Share of member accounts tagged with an owner (<c>Owner</c> or <c>Team</c>).</summary>
    public double AccountTagShare { get; set; } = 0.8;

    /// <summary>Share of member accounts whose ListTagsForResource answers AccessDeniedException.</summary>
    public double TagDeniedShare { get; set; } = 0.05;

    /// <summary>One sentence naming the first bad tag option, or null.</summary>
    public string? ValidateTags() =>
        AccountTagShare is >= 0 and <= 1 && TagDeniedShare is >= 0 and <= 1 && AccountTagShare + TagDeniedShare <= 1
            ? null
            : "--account-tag-share and --tag-denied-share must be fractions between 0 and 1 that add up to at most 1.";
}
