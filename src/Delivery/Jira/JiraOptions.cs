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

    /// <summary>Tries per Jira request (429, 5xx, timeouts and refused connections are retried), at least 1.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest wait between tries; a longer Retry-After fails the delivery rather than stall the run.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one Jira request may take before it is abandoned (and retried when safe).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a new issue (or comment, attachment) can stay invisible to reads after Jira accepted
    /// it. A run resumed after a crash in the middle of a create waits this long past
    /// <see cref="RequestTimeout"/> for the lost attempt's issue to show up before creating one.
    /// </summary>
    public TimeSpan SearchLag { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>One work item per owner under the week's issue, and last week's items moved when fixed.</summary>
    public JiraRoutingOptions Routing { get; set; } = new();

    /// <summary>Whether a ticket is delivered at all (to Jira or, in a dry run, to a file).</summary>
    public bool Enabled => DryRun || !string.IsNullOrWhiteSpace(BaseUrl);
}
