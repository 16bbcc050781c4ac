namespace ComplianceReport.Delivery.Jira;

/// <summary>The Jira ticket for each run (configuration section <c>Jira</c>).</summary>
public sealed class JiraOptions
{
    public const string SectionName = "Jira";

    /// <summary>Jira Cloud, REST v3: basic auth with <see cref="Email"/> and an API token, ADF descriptions.</summary>
    public const int CloudApiVersion = 3;

    /// <summary>Jira Data Center, REST v2: bearer personal access token, wiki-markup descriptions.</summary>
    public const int DataCenterApiVersion = 2;

    /// <summary>Site URL, for example <c>https://example.atlassian.net</c>. Empty (and no dry run): Jira delivery is off.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    public string ProjectKey { get; set; } = string.Empty;

    public string IssueType { get; set; } = "Task";

    /// <summary>The Atlassian account the Cloud API token belongs to (v3 only).</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>Cloud API token or Data Center personal access token. A secret: from the environment, never logged.</summary>
    public string ApiToken { get; set; } = string.Empty;

    public int ApiVersion { get; set; } = CloudApiVersion;

    /// <summary>Write the requests that would be sent to <c>jira-ticket-&lt;run&gt;.json</c> next to the workbook instead of calling Jira.</summary>
    public bool DryRun { get; set; }

    /// <summary>Attach the workbook when it is at most this large; 0 never attaches (the S3 link remains).</summary>
    public long AttachmentMaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Tries per Jira request (429 and 5xx are retried), at least 1.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest Retry-After we wait out; a longer one fails the delivery rather than stall the run.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether a ticket is delivered at all (to Jira or, in a dry run, to a file).</summary>
    public bool Enabled => DryRun || !string.IsNullOrWhiteSpace(BaseUrl);
}
