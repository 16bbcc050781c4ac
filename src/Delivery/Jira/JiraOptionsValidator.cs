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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.UserInfo);

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectKey();
}
