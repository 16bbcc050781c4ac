namespace ComplianceReport.Delivery.Jira;

/// <summary>
/// Work items per owner under the week's issue (configuration section <c>Jira:Routing</c>).
/// Off by default: the week's issue alone is what the security team gets without it.
/// </summary>
public sealed class JiraRoutingOptions
{
    /// <summary>Each owner's item is a sub-task of the week's issue.</summary>
    public const string SubTaskMode = "SubTask";

    /// <summary>Each owner's item is an issue of <see cref="JiraOptions.IssueType"/> linked to the week's issue.</summary>
    public const string LinkedIssueMode = "LinkedIssue";

    public bool Enabled { get; set; }

    /// <summary><see cref="SubTaskMode"/> (default) or <see cref="LinkedIssueMode"/>.</summary>
    public string Mode { get; set; } = SubTaskMode;

    /// <summary>
    /// Owner (as the report names it: resource tag, account tag, OU path map or Unassigned) to the
    /// Jira user and component of its items. Owners without an entry stay on the week's issue.
    /// </summary>
    public Dictionary<string, JiraRoutingOwner> Owners { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The workflow transition (by name, for example <c>Done</c>) that last week's item of an owner
    /// whose findings are all resolved is moved through; empty: such items only get a comment.
    /// </summary>
    public string ResolvedTransition { get; set; } = string.Empty;

    /// <summary>The project's sub-task issue type (<see cref="SubTaskMode"/>).</summary>
    public string SubTaskType { get; set; } = "Sub-task";

    /// <summary>The issue link type between the week's issue and owners' issues, and between weeks.</summary>
    public string LinkType { get; set; } = "Relates";

    public bool IsSubTaskMode => string.Equals(Mode, SubTaskMode, StringComparison.OrdinalIgnoreCase);
}
