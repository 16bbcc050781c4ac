using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplianceReport.JiraListener;

/// <summary>
/// One line per answered request, saying what it did to which issue (created, commented,
/// attached, linked, moved), and at the end the issues as a tree: week issues with their items.
/// </summary>
public sealed class RequestLog(FakeJira jira)
{
    private readonly object _gate = new();

    public void Write(RecordedRequest request, int status, string body)
    {
        var api = $"/jira/rest/api/{jira.ApiVersion.ToString(CultureInfo.InvariantCulture)}/";
        var path = request.Path.StartsWith(api, StringComparison.Ordinal) ? request.Path[api.Length..] : request.Path;
        var line = $"{DateTimeOffset.Now:HH:mm:ss} {request.Method} {path} -> {status.ToString(CultureInfo.InvariantCulture)}";
        var what = status >= 400 ? ErrorOf(body) : Describe(request, path, body);
        lock (_gate)
        {
            Console.WriteLine(what is null ? line : $"{line}  {what}");
        }
    }

    public void PrintIssues()
    {
        var issues = jira.Issues;
        Console.WriteLine($"{issues.Count.ToString(CultureInfo.InvariantCulture)} issues, {jira.Requests.Count.ToString(CultureInfo.InvariantCulture)} requests, {jira.Problems.Count.ToString(CultureInfo.InvariantCulture)} rejected as invalid");
        foreach (var top in issues.Where(i => i.ParentKey is null && !issues.Any(p => IsItemOf(i, p))))
        {
            Console.WriteLine($"{top.Key} [{top.Status}] {Summary(top)}");
            Console.WriteLine($"    labels {string.Join(' ', top.Labels)}; {Activity(top)}");
            foreach (var item in issues.Where(i => i.ParentKey == top.Key || IsItemOf(i, top)))
            {
                var moved = item.Transitions.Count == 0 ? string.Empty : $", moved through {string.Join(" then ", item.Transitions)}";
                Console.WriteLine($"  {item.Key} [{item.Status}] {Summary(item)}");
                Console.WriteLine($"      assignee {item.Assignee ?? "none"}; {Activity(item)}{moved}");
            }
        }

        foreach (var problem in jira.Problems)
        {
            Console.WriteLine("rejected: " + problem);
        }
    }

    // A linked owner's issue (Jira:Routing:Mode LinkedIssue) carries its owner label and links to the week's issue.
    private static bool IsItemOf(FakeIssue issue, FakeIssue week) =>
        issue.Labels.Any(l => l.StartsWith("compliance-owner-", StringComparison.Ordinal))
        && issue.Links.Any(l => l.Key == week.Key);

    private static string Summary(FakeIssue issue) => issue.Fields["summary"]?.GetValue<string>() ?? string.Empty;

    private static string Activity(FakeIssue issue)
    {
        var links = issue.Links.Count == 0 ? "no links" : "links " + string.Join(", ", issue.Links.Select(l => $"{l.Type} {l.Key}"));
        return $"{issue.Comments.Count.ToString(CultureInfo.InvariantCulture)} comments, {issue.Attachments.Count.ToString(CultureInfo.InvariantCulture)} attachments ({string.Join(", ", issue.AttachmentNames)}), {links}";
    }

    private string? Describe(RecordedRequest request, string path, string body)
    {
        var segments = path.Split('/');
        switch (request.Method, segments)
        {
            case ("POST", ["issue"]):
                var key = Parse(body)?["key"]?.GetValue<string>();
                var issue = jira.Issues.FirstOrDefault(i => i.Key == key);
                if (issue is null)
                {
                    return null;
                }

                var type = issue.Fields["issuetype"]?["name"]?.GetValue<string>();
                var parent = issue.ParentKey is { } p ? $" under {p}" : string.Empty;
                var assignee = issue.Assignee is { } a ? $", assignee {a}" : string.Empty;
                return $"created {key} ({type}{parent}{assignee}) \"{Summary(issue)}\" labels {string.Join(' ', issue.Labels)}";
            case ("POST", ["issue", var target, "comment"]):
                return $"commented on {target}";
            case ("POST", ["issue", var target, "attachments"]):
                return $"attached {jira.Issues.FirstOrDefault(i => i.Key == target)?.AttachmentNames.LastOrDefault()} to {target}";
            case ("POST", ["issue", var target, "transitions"]):
                var moved = jira.Issues.FirstOrDefault(i => i.Key == target);
                return $"moved {target} through {moved?.Transitions.LastOrDefault()} to {moved?.Status}";
            case ("POST", ["issueLink"]):
                var link = Parse(request.Text);
                return $"linked {link?["inwardIssue"]?["key"]} to {link?["outwardIssue"]?["key"]} ({link?["type"]?["name"]})";
            case ("POST", ["search", ..]):
                return $"found {(Parse(body)?["issues"] as JsonArray)?.Count.ToString(CultureInfo.InvariantCulture) ?? "?"}";
            default:
                return null;
        }
    }

    private static string? ErrorOf(string body)
    {
        var error = Parse(body);
        if (error is null)
        {
            return body.Length == 0 ? null : body;
        }

        var messages = (error["errorMessages"] as JsonArray)?.Select(m => m?.ToString()) ?? [];
        var fields = (error["errors"] as JsonObject)?.Select(e => $"{e.Key}: {e.Value}") ?? [];
        return string.Join("; ", messages.Concat(fields));
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
