using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Jira;

/// <summary>Checks the <c>Jira</c> keys at start; nothing is checked while Jira delivery is off.</summary>
public sealed partial class JiraOptionsValidator : IValidateOptions<JiraOptions>
{
    public ValidateOptionsResult Validate(string? name, JiraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var hasUrl = !string.IsNullOrWhiteSpace(options.BaseUrl);
        if (hasUrl && !IsHttpUrl(options.BaseUrl))
        {
            failures.Add("Jira:BaseUrl must be an absolute http or https URL, for example https://example.atlassian.net.");
        }

        if (!ProjectKey().IsMatch(options.ProjectKey ?? string.Empty))
        {
            failures.Add("Jira:ProjectKey must be a Jira project key: an uppercase letter, then uppercase letters, digits or '_' (for example SEC).");
        }

        if (string.IsNullOrWhiteSpace(options.IssueType) || options.IssueType.Length > 255)
        {
            failures.Add("Jira:IssueType must name an issue type of the project (default Task).");
        }

        if (options.ApiVersion is not (JiraOptions.CloudApiVersion or JiraOptions.DataCenterApiVersion))
        {
            failures.Add("Jira:ApiVersion must be 3 (Jira Cloud) or 2 (Jira Data Center).");
        }

        // A dry run sends nothing, so it needs no credentials.
        if (!options.DryRun)
        {
            if (options.ApiVersion == JiraOptions.CloudApiVersion && string.IsNullOrWhiteSpace(options.Email))
            {
                failures.Add("Jira:Email is required for Jira Cloud (Jira:ApiVersion 3): the account the API token belongs to.");
            }

            if (string.IsNullOrWhiteSpace(options.ApiToken))
            {
                failures.Add("Jira:ApiToken is required (set it from the environment, Jira__ApiToken, never in appsettings.json).");
            }
        }

        if (options.AttachmentMaxBytes < 0)
        {
            failures.Add("Jira:AttachmentMaxBytes must be 0 (never attach) or a positive size in bytes.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Jira:MaxAttempts must be between 1 and 10.");
        }

        if (options.MaxRetryDelay < TimeSpan.Zero || options.MaxRetryDelay > TimeSpan.FromMinutes(15))
        {
            failures.Add("Jira:MaxRetryDelay must be between 00:00:00 and 00:15:00.");
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Jira:RequestTimeout must be between 00:00:01 and 00:10:00 (default 00:00:30).");
        }

        if (options.SearchLag < TimeSpan.Zero || options.SearchLag > TimeSpan.FromMinutes(10))
        {
            failures.Add("Jira:SearchLag must be between 00:00:00 and 00:10:00 (default 00:00:15).");
        }

        if (options.Routing is { Enabled: true } routing)
        {
            ValidateRouting(routing, options.ApiVersion, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRouting(JiraRoutingOptions routing, int apiVersion, List<string> failures)
    {
        if (!routing.IsSubTaskMode && !string.Equals(routing.Mode, JiraRoutingOptions.LinkedIssueMode, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Jira:Routing:Mode must be {JiraRoutingOptions.SubTaskMode} or {JiraRoutingOptions.LinkedIssueMode}, not '{routing.Mode}'.");
        }

        if (routing.IsSubTaskMode && (string.IsNullOrWhiteSpace(routing.SubTaskType) || routing.SubTaskType.Length > 255))
        {
            failures.Add("Jira:Routing:SubTaskType must name the project's sub-task issue type (default Sub-task).");
        }

        if (string.IsNullOrWhiteSpace(routing.LinkType) || routing.LinkType.Length > 255)
        {
            failures.Add("Jira:Routing:LinkType must name an issue link type (default Relates).");
        }

        if (routing.ResolvedTransition is { Length: > 255 })
        {
            failures.Add("Jira:Routing:ResolvedTransition must be a transition name of at most 255 characters.");
        }

        var owners = routing.Owners ?? [];
        if (owners.Count == 0)
        {
            failures.Add("Jira:Routing:Owners must map at least one owner (owner -> AccountId or UserName, Component) when Jira:Routing:Enabled is true.");
        }

        var cloud = apiVersion == JiraOptions.CloudApiVersion;
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (owner, entry) in owners)
        {
            var key = $"Jira:Routing:Owners:{owner}";
            if (entry is null)
            {
                continue;
            }

            if (cloud && string.IsNullOrWhiteSpace(entry.AccountId) && !string.IsNullOrWhiteSpace(entry.UserName))
            {
                failures.Add($"{key}:UserName is for Jira Data Center; Jira Cloud (Jira:ApiVersion 3) assigns by {key}:AccountId.");
            }
            else if (!cloud && string.IsNullOrWhiteSpace(entry.UserName) && !string.IsNullOrWhiteSpace(entry.AccountId))
            {
                failures.Add($"{key}:AccountId is for Jira Cloud; Jira Data Center (Jira:ApiVersion 2) assigns by {key}:UserName.");
            }

            if (!string.IsNullOrWhiteSpace(entry.AccountId) && !AccountId().IsMatch(entry.AccountId.Trim()))
            {
                failures.Add($"{key}:AccountId must be an Atlassian account id (letters, digits, ':' and '-'), for example 5b10ac8d82e05b22cc7d4ef5.");
            }

            if (entry.UserName is { Length: > 255 } || entry.Component is { Length: > 255 })
            {
                failures.Add($"{key}: UserName and Component must be at most 255 characters.");
            }

            var slug = Routing.OwnerLabels.Slug(owner);
            if (slugs.TryGetValue(slug, out var other))
            {
                failures.Add($"{key} and Jira:Routing:Owners:{other} give the same label {Routing.OwnerLabels.OwnerPrefix}{slug}; rename one.");
            }
            else
            {
                slugs[slug] = owner;
            }
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.UserInfo);

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectKey();

    [GeneratedRegex("^[A-Za-z0-9:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();
}
