namespace ComplianceReport.Delivery.Jira;

/// <summary>Where one owner's items go (<c>Jira:Routing:Owners:&lt;owner&gt;</c>); every key is optional.</summary>
public sealed class JiraRoutingOwner
{
    /// <summary>Jira Cloud (<c>Jira:ApiVersion</c> 3): the assignee's Atlassian account id.</summary>
    public string AccountId { get; set; } = string.Empty;

    /// <summary>Jira Data Center (<c>Jira:ApiVersion</c> 2): the assignee's user name.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>A component of the project to file the owner's items under.</summary>
    public string Component { get; set; } = string.Empty;

    /// <summary>The assignee for the API version, or null when the entry names none.</summary>
    public string? Assignee(int apiVersion)
    {
        var value = apiVersion == JiraOptions.CloudApiVersion ? AccountId : UserName;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
