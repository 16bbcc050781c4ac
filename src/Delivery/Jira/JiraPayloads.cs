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

    public static string PropertyPath(int apiVersion, string issueKey, string propertyKey) => $"rest/api/{apiVersion}/issue/{issueKey}/properties/{propertyKey}";

    public static string IssueLinkPath(int apiVersion) => $"rest/api/{apiVersion}/issueLink";

    public static string TransitionsPath(int apiVersion, string issueKey) => $"rest/api/{apiVersion}/issue/{issueKey}/transitions";

    /// <summary>The JQL of issues in the project carrying every label (validated or slugged labels: quoting is safe).</summary>
    public static string LabelsJql(string projectKey, params string[] labels) =>
        $"project = \"{projectKey}\" AND " + string.Join(" AND ", labels.Select(l => $"labels = \"{l}\"")) + " ORDER BY created ASC";

    /// <summary>A page of a routing search: Cloud pages by token, Data Center by offset.</summary>
    public static JsonObject SearchBody(string jql, int maxResults, long? reconcileIssueId, string? nextPageToken, int? startAt)
    {
        var body = new JsonObject
        {
            ["jql"] = jql,
            ["fields"] = new JsonArray("summary", "labels", "status", "assignee"),
            ["maxResults"] = maxResults,
        };
        if (reconcileIssueId is { } id)
        {
            body["reconcileIssues"] = new JsonArray(id);
        }

        if (nextPageToken is not null)
        {
            body["nextPageToken"] = nextPageToken;
        }

        if (startAt is { } offset)
        {
            body["startAt"] = offset;
        }

        return body;
    }

    public static JsonObject LinkBody(string linkType, string inwardKey, string outwardKey) => new()
    {
        ["type"] = new JsonObject { ["name"] = linkType },
        ["inwardIssue"] = new JsonObject { ["key"] = inwardKey },
        ["outwardIssue"] = new JsonObject { ["key"] = outwardKey },
    };

    public static JsonObject TransitionBody(string transitionId) => new()
    {
        ["transition"] = new JsonObject { ["id"] = transitionId },
    };

    /// <summary>An owner's item: a sub-task of the week's issue (<paramref name="parentKey"/>) or, without a parent, an issue of <see cref="JiraOptions.IssueType"/>.</summary>
    public static JsonObject OwnerItemBody(JiraOptions options, TicketContent content, IReadOnlyList<string> extraLabels, string? parentKey, string? assignee, string? component)
    {
        var body = CreateBody(options, content, extraLabels);
        var fields = body["fields"]!.AsObject();
        if (parentKey is not null)
        {
            fields["parent"] = new JsonObject { ["key"] = parentKey };
            fields["issuetype"] = new JsonObject { ["name"] = options.Routing.SubTaskType };
        }

        if (assignee is not null)
        {
            fields["assignee"] = options.ApiVersion == JiraOptions.CloudApiVersion
                ? new JsonObject { ["accountId"] = assignee }
                : new JsonObject { ["name"] = assignee };
        }

        if (!string.IsNullOrWhiteSpace(component))
        {
            fields["components"] = new JsonArray(new JsonObject { ["name"] = component.Trim() });
        }

        return body;
    }

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
