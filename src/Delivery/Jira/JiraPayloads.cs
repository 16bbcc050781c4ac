using System.Text.Json.Nodes;
using ComplianceReport.Delivery.Jira.Content;

namespace ComplianceReport.Delivery.Jira;

/// <summary>Paths and bodies of the Jira REST calls, shared by live delivery and the dry run.</summary>
internal static class JiraPayloads
{
    public static string SearchPath(int apiVersion) =>
        apiVersion == JiraOptions.CloudApiVersion ? "rest/api/3/search/jql" : "rest/api/2/search";

    public static string IssuePath(int apiVersion) => $"rest/api/{apiVersion}/issue";

    public static string CommentPath(int apiVersion, string issueKey) => $"rest/api/{apiVersion}/issue/{issueKey}/comment";

    public static string AttachmentsPath(int apiVersion, string issueKey) => $"rest/api/{apiVersion}/issue/{issueKey}/attachments";

    /// <summary>Finds the week's issue by its label. The project key and label are validated/sanitized, so quoting is safe.</summary>
    /// <param name="reconcileIssueId">Cloud only: an issue we created that the search index may not show yet.</param>
    public static JsonObject SearchBody(string projectKey, string runLabelTag, long? reconcileIssueId = null)
    {
        var body = new JsonObject
        {
            ["jql"] = $"project = \"{projectKey}\" AND labels = \"{runLabelTag}\" ORDER BY created ASC",
            ["fields"] = new JsonArray("summary", "labels"),
            ["maxResults"] = 1,
        };
        if (reconcileIssueId is { } id)
        {
            body["reconcileIssues"] = new JsonArray(id);
        }

        return body;
    }

    /// <param name="extraLabels">Labels the sink adds to the content's (the week's, the run's marker).</param>
    public static JsonObject CreateBody(JiraOptions options, TicketContent content, IReadOnlyList<string> extraLabels) => new()
    {
        ["fields"] = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = options.ProjectKey },
            ["issuetype"] = new JsonObject { ["name"] = options.IssueType },
            ["summary"] = content.Summary,
            ["description"] = Document(options.ApiVersion, content.Description),
            ["labels"] = new JsonArray(content.Labels.Concat(extraLabels).Distinct(StringComparer.Ordinal).Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
        },
    };

    public static JsonObject CommentBody(int apiVersion, IReadOnlyList<TicketBlock> blocks) => new()
    {
        ["body"] = Document(apiVersion, blocks),
    };

    private static JsonNode Document(int apiVersion, IReadOnlyList<TicketBlock> blocks) =>
        apiVersion == JiraOptions.CloudApiVersion
            ? AdfRenderer.Render(blocks)
            : JsonValue.Create(WikiRenderer.Render(blocks));
}
