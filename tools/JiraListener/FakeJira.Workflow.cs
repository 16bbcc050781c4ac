using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplianceReport.JiraListener;

// Sub-tasks, assignees and components, issue links, workflow transitions and issue properties,
// checked as Jira Cloud v3 (accountId) or Data Center v2 (user name) would.
public sealed partial class FakeJira
{
    public const string ToDo = "To Do";
    public const string InProgress = "In Progress";
    public const string Done = "Done";

    private static readonly HashSet<string> LinkTypes = ["Relates", "Blocks", "Duplicate", "Cloners"];

    // Status name -> (id, category key).
    private static readonly Dictionary<string, (string Id, string Category)> Statuses = new(StringComparer.Ordinal)
    {
        [ToDo] = ("10000", "new"),
        [InProgress] = ("3", "indeterminate"),
        [Done] = ("10001", "done"),
    };

    // From status -> transitions (id, name, to status).
    private static readonly Dictionary<string, (string Id, string Name, string To)[]> Workflow = new(StringComparer.Ordinal)
    {
        [ToDo] = [("11", "Start Progress", InProgress), ("31", "Done", Done)],
        [InProgress] = [("21", "Stop Progress", ToDo), ("31", "Done", Done)],
        [Done] = [("41", "Reopen", ToDo)],
    };

    /// <summary>The issue type that needs a parent, as a project's default sub-task type.</summary>
    public string SubTaskType { get; set; } = "Sub-task";

    public FakeIssue Issue(string key) => Issues.Single(i => i.Key == key);

    /// <summary>A person moves the issue to another status in Jira's UI.</summary>
    public void MoveByHand(string key, string status)
    {
        lock (_gate)
        {
            SetStatus(Issue(key), status);
        }
    }

    /// <summary>A person assigns the issue to someone else (an account id on Cloud, a user name on Data Center).</summary>
    public void ReassignByHand(string key, string assignee)
    {
        lock (_gate)
        {
            Issue(key).Fields["assignee"] = User(assignee);
        }
    }

    private static void SetStatus(FakeIssue issue, string status)
    {
        var (id, category) = Statuses[status];
        issue.Fields["status"] = new JsonObject { ["id"] = id, ["name"] = status, ["statusCategory"] = new JsonObject { ["key"] = category } };
    }

    private JsonObject User(string assignee) => ApiVersion == 3
        ? new JsonObject { ["accountId"] = assignee, ["displayName"] = "User " + assignee }
        : new JsonObject { ["name"] = assignee, ["displayName"] = "User " + assignee };

    /// <summary>Requests for links, transitions and properties; null when the path is none of them.</summary>
    private (int Status, string Body)? RouteWorkflow(RecordedRequest request, string path)
    {
        if (request.Method == "POST" && path == "issueLink")
        {
            return Link(request);
        }

        var match = WorkflowResource().Match(path);
        if (!match.Success)
        {
            return null;
        }

        var issue = Issues.FirstOrDefault(i => i.Key == match.Groups["key"].Value);
        if (issue is null)
        {
            return (404, """{"errorMessages":["Issue does not exist or you do not have permission to see it."]}""");
        }

        return (request.Method, match.Groups["what"].Value) switch
        {
            ("GET", "transitions") => (200, TransitionsOf(issue).ToJsonString()),
            ("POST", "transitions") => Transition(issue, request),
            ("PUT", "properties") => SetProperty(issue, match.Groups["property"].Value, request),
            _ => (405, """{"errorMessages":["Method not allowed"]}"""),
        };
    }

    /// <summary>Checks the routing fields of a create: parent only for the sub-task type, the user shape of the API version, components by name.</summary>
    private void CheckRoutingFields(JsonObject fields, JsonObject errors)
    {
        var type = fields["issuetype"]?["name"]?.GetValue<string>();
        var parentKey = fields["parent"]?["key"]?.GetValue<string>();
        if (type == SubTaskType)
        {
            var parent = parentKey is null ? null : Issues.FirstOrDefault(i => i.Key == parentKey);
            if (parent is null)
            {
                errors["parent"] = "Could not find issue by id or key.";
            }
            else if (parent.Fields["parent"] is not null)
            {
                errors["parent"] = "A sub-task cannot be the parent of a sub-task.";
            }
        }
        else if (fields["parent"] is not null)
        {
            errors["issuetype"] = "Only sub-task issue types take a parent.";
        }

        if (fields["assignee"] is { } assignee)
        {
            var valid = ApiVersion == 3
                ? assignee is JsonObject a3 && a3.Count == 1 && !string.IsNullOrEmpty(a3["accountId"]?.GetValue<string>())
                : assignee is JsonObject a2 && a2.Count == 1 && !string.IsNullOrEmpty(a2["name"]?.GetValue<string>());
            if (!valid)
            {
                errors["assignee"] = ApiVersion == 3 ? "Specify the user by accountId." : "Specify the user by name.";
            }
        }

        if (fields["components"] is { } components
            && (components is not JsonArray list || list.Any(c => c is not JsonObject o || string.IsNullOrEmpty(o["name"]?.GetValue<string>()))))
        {
            errors["components"] = "Components must be an array of objects with a name.";
        }
    }

    /// <summary>What a new issue gets from Jira: the workflow's first status, the assignee as a user.</summary>
    private void Initialize(FakeIssue issue)
    {
        SetStatus(issue, ToDo);
        if (issue.Assignee is { } assignee)
        {
            issue.Fields["assignee"] = User(assignee);
        }
    }

    /// <summary>The issue as GET /issue/{key} answers: its fields with links and attachments, and its properties.</summary>
    private JsonObject IssueJson(FakeIssue issue)
    {
        var fields = (JsonObject)issue.Fields.DeepClone();
        fields["attachment"] = new JsonArray(issue.AttachmentNames.Select(n => (JsonNode)new JsonObject { ["filename"] = n }).ToArray());
        fields["issuelinks"] = new JsonArray(issue.Links.Select(l => (JsonNode)new JsonObject
        {
            ["type"] = new JsonObject { ["name"] = l.Type },
            [l.Outward ? "outwardIssue" : "inwardIssue"] = new JsonObject { ["key"] = l.Key },
        }).ToArray());
        var properties = new JsonObject();
        foreach (var (name, value) in issue.Properties)
        {
            properties[name] = value.DeepClone();
        }

        return new JsonObject { ["id"] = issue.Id.ToString(CultureInfo.InvariantCulture), ["key"] = issue.Key, ["fields"] = fields, ["properties"] = properties };
    }

    private (int, string) Link(RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Text) as JsonObject;
        var type = body?["type"]?["name"]?.GetValue<string>();
        var inward = Issues.FirstOrDefault(i => i.Key == body?["inwardIssue"]?["key"]?.GetValue<string>());
        var outward = Issues.FirstOrDefault(i => i.Key == body?["outwardIssue"]?["key"]?.GetValue<string>());
        if (type is null || !LinkTypes.Contains(type))
        {
            return (404, $$"""{"errorMessages":["No issue link type with name '{{type}}' found."]}""");
        }

        if (inward is null || outward is null || inward == outward)
        {
            return Reject("issueLink needs two existing, different issues as inwardIssue and outwardIssue");
        }

        lock (_gate)
        {
            inward.Links.Add(new FakeLink(type, outward.Key, Outward: true));
            outward.Links.Add(new FakeLink(type, inward.Key, Outward: false));
        }

        return (201, string.Empty);
    }

    private JsonObject TransitionsOf(FakeIssue issue)
    {
        lock (_gate)
        {
            var status = issue.Status;
            return new JsonObject
            {
                ["transitions"] = new JsonArray(Workflow[status].Select(t => (JsonNode)new JsonObject
                {
                    ["id"] = t.Id,
                    ["name"] = t.Name,
                    ["to"] = new JsonObject { ["id"] = Statuses[t.To].Id, ["name"] = t.To },
                }).ToArray()),
            };
        }
    }

    private (int, string) Transition(FakeIssue issue, RecordedRequest request)
    {
        var id = (JsonNode.Parse(request.Text) as JsonObject)?["transition"]?["id"]?.GetValue<string>();
        lock (_gate)
        {
            var transition = Workflow[issue.Status].FirstOrDefault(t => t.Id == id);
            if (transition.Id is null)
            {
                Problems.Add($"transition {id} is not available from {issue.Status} on {issue.Key}");
                return (400, new JsonObject { ["errorMessages"] = new JsonArray($"Transition id '{id}' is not valid for this issue.") }.ToJsonString());
            }

            SetStatus(issue, transition.To);
            issue.Transitions.Add(transition.Name);
        }

        return (204, string.Empty);
    }

    private (int, string) SetProperty(FakeIssue issue, string property, RecordedRequest request)
    {
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(request.Text);
        }
        catch (System.Text.Json.JsonException)
        {
            return Reject("an issue property must be JSON");
        }

        lock (_gate)
        {
            var existed = issue.Properties.ContainsKey(property);
            issue.Properties[property] = value!;
            return (existed ? 200 : 201, string.Empty);
        }
    }

    [GeneratedRegex("^issue/(?<key>[A-Z][A-Z0-9_]*-[0-9]+)/(?<what>transitions|properties)(/(?<property>[A-Za-z0-9._-]+))?$")]
    private static partial Regex WorkflowResource();
}
