using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplianceReport.JiraListener;

/// <summary>
/// A Jira on a loopback port that records every request and checks it the way Jira Cloud REST v3
/// (or Data Center v2) would: authentication, required issue fields, the ADF document shape, the
/// attachment XSRF header. Requests it would reject get Jira's error body shape.
/// </summary>
public sealed partial class FakeJira : IAsyncDisposable
{
    private static readonly HashSet<string> AdfBlockTypes = ["paragraph", "heading", "bulletList", "listItem"];
    private static readonly HashSet<string> AdfMarks = ["strong", "code", "link"];

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<ScriptedResponse> _script = [];
    private readonly List<FakeIssue> _issues = [];
    private readonly List<Stall> _stalls = [];
    private readonly List<Stall> _held = [];

    /// <param name="port">The loopback port to listen on; 0 picks a free one.</param>
    public FakeJira(int apiVersion, string expectedAuthorization, string projectKey = "SEC", int port = 0)
    {
        ApiVersion = apiVersion;
        ExpectedAuthorization = expectedAuthorization;
        ProjectKey = projectKey;
        (_listener, var bound) = port == 0 ? Listen() : (Listen(port), port);
        BaseUrl = $"http://127.0.0.1:{bound}/jira";
        _loop = Task.Run(ServeAsync);
    }

    public int ApiVersion { get; }

    public string ExpectedAuthorization { get; }

    public string ProjectKey { get; }

    /// <summary>The site URL, with a context path as on-premises Jira often has.</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeIssue> Issues
    {
        get
        {
            lock (_gate)
            {
                return [.. _issues];
            }
        }
    }

    /// <summary>
    /// Like Jira Cloud's search/jql: new issues are missing from search results until
    /// <see cref="CatchUpIndex"/>, unless the search names them in reconcileIssues.
    /// </summary>
    public bool SearchLagsBehindCreates { get; set; }

    public void CatchUpIndex()
    {
        lock (_gate)
        {
            _issues.ForEach(i => i.Indexed = true);
        }
    }

    /// <summary>
    /// While true, every request is held unanswered, like a Jira that accepts connections and then
    /// hangs; setting it false (or disposing the fake) lets held requests go on.
    /// </summary>
    public bool Hanging { get; set; }

    /// <summary>An issue that exists before the test, as if an earlier run of the week had created it; already indexed.</summary>
    public FakeIssue SeedIssue(params string[] labels)
    {
        var fields = new JsonObject
        {
            ["summary"] = "Seeded issue",
            ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode?)JsonValue.Create(l))]),
        };
        lock (_gate)
        {
            var issue = new FakeIssue(10_000 + _issues.Count + 1, $"{ProjectKey}-{_issues.Count + 1}", fields) { Indexed = true };
            _issues.Add(issue);
            return issue;
        }
    }

    /// <summary>Raised after each answer (request, status, body), for a log of what Jira was asked and said.</summary>
    public event Action<RecordedRequest, int, string>? Answered;

    /// <summary>Validation problems the fake found in requests it answered with 400 without a script.</summary>
    public List<string> Problems { get; } = [];

    public void Script(ScriptedResponse response)
    {
        lock (_gate)
        {
            _script.Add(response);
        }
    }

    /// <summary>
    /// Holds the next request matching method and path for <paramref name="duration"/> (or until
    /// <see cref="ReleaseStalled"/>), then performs it whether or not the client is still there.
    /// The task completes when it arrives.
    /// </summary>
    public Task StallNext(string method, string pathSuffix, TimeSpan duration)
    {
        var stall = new Stall(method, pathSuffix, duration);
        lock (_gate)
        {
            _stalls.Add(stall);
        }

        return stall.Arrived.Task;
    }

    /// <summary>Performs the held requests now, as a slow Jira that finally gets to them.</summary>
    public void ReleaseStalled()
    {
        lock (_gate)
        {
            foreach (var stall in _held)
            {
                stall.Released.TrySetResult();
            }
        }
    }

    public IEnumerable<RecordedRequest> RequestsTo(string method, string pathSuffix) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            // HttpListener.Close can throw "Address already in use" when another test's listener
            // took the same port meanwhile; the listener is closed either way.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
        }

        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the loop this way.
        }
    }

    // A port free a moment ago can be taken by a parallel test before we bind it: try another.
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            try
            {
                return (Listen(port), port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    private static HttpListener Listen(int port)
    {
        var listener = new HttpListener();
        try
        {
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            return listener;
        }
        catch (HttpListenerException)
        {
            listener.Close();
            throw;
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Concurrently, so that a stalled request does not hold up the others.
            _ = Task.Run(() => HandleSafelyAsync(context));
        }
    }

    private async Task HandleSafelyAsync(HttpListenerContext context)
    {
        try
        {
            await HandleAsync(context);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (a killed silo, a timed-out request).
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                Problems.Add("fake crashed: " + ex);
            }

            await RespondAsync(context.Response, 500, """{"errorMessages":["fake crashed"]}""");
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers, buffer.ToArray());
        ScriptedResponse? scripted;
        Stall? stall;
        lock (_gate)
        {
            _requests.Add(request);
            stall = _stalls.FirstOrDefault(s => s.Method == request.Method && request.Path.EndsWith(s.PathSuffix, StringComparison.Ordinal));
            if (stall is not null)
            {
                _stalls.Remove(stall);
                _held.Add(stall);
            }

            scripted = _script.FirstOrDefault(s => s.Method == request.Method && request.Path.EndsWith(s.PathSuffix, StringComparison.Ordinal));
            if (scripted is not null)
            {
                _script.Remove(scripted);
            }
        }

        while (Hanging && _listener.IsListening)
        {
            await Task.Delay(100);
        }

        if (stall is not null)
        {
            // Like a Jira that is slow to act: the request arrived and will be performed, later.
            stall.Arrived.TrySetResult();
            await Task.WhenAny(Task.Delay(stall.For), stall.Released.Task);
        }

        if (scripted is not null)
        {
            if (scripted.ThenPerform)
            {
                Route(request);
            }

            foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await RespondAsync(context.Response, scripted.Status, scripted.Body);
            Answered?.Invoke(request, scripted.Status, scripted.Body);
            return;
        }

        var (status, body) = request.Header("Authorization") == ExpectedAuthorization
            ? Route(request)
            : (401, """{"errorMessages":["You are not authenticated. Authentication required to perform this operation."]}""");
        await RespondAsync(context.Response, status, body);
        Answered?.Invoke(request, status, body);
    }

    private (int Status, string Body) Route(RecordedRequest request)
    {
        var api = $"/jira/rest/api/{ApiVersion}/";
        if (!request.Path.StartsWith(api, StringComparison.Ordinal))
        {
            return (404, """{"errorMessages":["No such resource"]}""");
        }

        var path = request.Path[api.Length..];
        if (RouteWorkflow(request, path) is { } workflow)
        {
            return workflow;
        }

        if (request.Method == "GET")
        {
            return Read(path);
        }

        if (request.Method != "POST")
        {
            return (404, """{"errorMessages":["No such resource"]}""");
        }

        var searchPath = ApiVersion == 3 ? "search/jql" : "search";
        if (path == searchPath)
        {
            return Search(request);
        }

        if (path == "issue")
        {
            return Create(request);
        }

        var match = IssueSubresource().Match(path);
        if (match.Success)
        {
            var issue = Issues.FirstOrDefault(i => i.Key == match.Groups["key"].Value);
            if (issue is null)
            {
                return (404, """{"errorMessages":["Issue does not exist or you do not have permission to see it."]}""");
            }

            return match.Groups["what"].Value == "comment" ? Comment(issue, request) : Attach(issue, request);
        }

        return (404, """{"errorMessages":["No such resource"]}""");
    }

    private (int, string) Read(string path)
    {
        if (path == "myself")
        {
            // Who the token belongs to, as doctor's credentials check reads it.
            var me = ApiVersion == 3
                ? new JsonObject { ["accountId"] = "5b10ac8d82e05b22cc7d4ef5", ["displayName"] = "Compliance Report Bot", ["active"] = true }
                : new JsonObject { ["name"] = "compliance-bot", ["displayName"] = "Compliance Report Bot", ["active"] = true };
            return (200, me.ToJsonString());
        }

        if (path.StartsWith("project/", StringComparison.Ordinal))
        {
            var key = Uri.UnescapeDataString(path["project/".Length..]);
            if (key != ProjectKey)
            {
                return (404, new JsonObject { ["errorMessages"] = new JsonArray($"No project could be found with key '{key}'.") }.ToJsonString());
            }

            var types = new JsonArray(
                new JsonObject { ["id"] = "10001", ["name"] = "Task", ["subtask"] = false },
                new JsonObject { ["id"] = "10004", ["name"] = "Bug", ["subtask"] = false },
                new JsonObject { ["id"] = "10003", ["name"] = SubTaskType, ["subtask"] = true });
            return (200, new JsonObject { ["id"] = "10000", ["key"] = ProjectKey, ["name"] = "Security", ["issueTypes"] = types }.ToJsonString());
        }

        var match = IssueRead().Match(path);
        var issue = match.Success ? Issues.FirstOrDefault(i => i.Key == match.Groups["key"].Value) : null;
        if (issue is null)
        {
            return (404, """{"errorMessages":["Issue does not exist or you do not have permission to see it."]}""");
        }

        lock (_gate)
        {
            if (match.Groups["comment"].Success)
            {
                var comments = new JsonArray(issue.Comments.Select(c => (JsonNode)new JsonObject { ["body"] = c.DeepClone() }).ToArray());
                return (200, new JsonObject { ["comments"] = comments, ["total"] = issue.Comments.Count }.ToJsonString());
            }

            return (200, IssueJson(issue).ToJsonString());
        }
    }

    private (int, string) Search(RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Text)!.AsObject();
        var jql = body["jql"]?.GetValue<string>() ?? string.Empty;
        var labels = LabelClause().Matches(jql).Select(m => m.Groups[1].Value).ToList();
        if (labels.Count == 0)
        {
            return Reject($"search without a labels clause: {jql}");
        }

        var reconcile = ApiVersion == 3 && body["reconcileIssues"] is JsonArray ids ? ids.Select(id => id!.GetValue<long>()).ToHashSet() : [];
        var maxResults = body["maxResults"]?.GetValue<int>() ?? 50;
        var startAt = ApiVersion == 2 ? body["startAt"]?.GetValue<int>() ?? 0 : int.Parse(body["nextPageToken"]?.GetValue<string>() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var matching = Issues
            .Where(i => labels.TrueForAll(i.Labels.Contains))
            .Where(i => !SearchLagsBehindCreates || i.Indexed || reconcile.Contains(i.Id))
            .ToList();
        var found = matching
            .Skip(startAt)
            .Take(maxResults)
            .Select(i =>
            {
                lock (_gate)
                {
                    var fields = new JsonObject { ["labels"] = new JsonArray(i.Labels.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()) };
                    foreach (var name in new[] { "summary", "status", "assignee", "parent" })
                    {
                        if (i.Fields[name] is { } value)
                        {
                            fields[name] = value.DeepClone();
                        }
                    }

                    return new JsonObject
                    {
                        ["id"] = i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["key"] = i.Key,
                        ["fields"] = fields,
                    };
                }
            })
            .ToArray();
        var result = new JsonObject { ["issues"] = new JsonArray(found) };
        var more = startAt + found.Length < matching.Count;
        if (ApiVersion == 2)
        {
            result["total"] = matching.Count;
            result["startAt"] = startAt;
        }
        else
        {
            result["isLast"] = !more;
            if (more)
            {
                result["nextPageToken"] = (startAt + found.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return (200, result.ToJsonString());
    }

    private (int, string) Create(RecordedRequest request)
    {
        var fields = JsonNode.Parse(request.Text)?["fields"] as JsonObject;
        if (fields is null)
        {
            return Reject("no fields object");
        }

        var errors = new JsonObject();
        if (fields["project"]?["key"]?.GetValue<string>() != ProjectKey)
        {
            errors["project"] = "valid project is required";
        }

        if (string.IsNullOrEmpty(fields["issuetype"]?["name"]?.GetValue<string>()))
        {
            errors["issuetype"] = "Specify an issue type";
        }

        var summary = fields["summary"]?.GetValue<string>();
        if (string.IsNullOrEmpty(summary) || summary.Length > 255 || summary.Contains('\n', StringComparison.Ordinal))
        {
            errors["summary"] = "Summary must be a single line of at most 255 characters.";
        }

        var descriptionProblem = CheckDocument(fields["description"]);
        if (descriptionProblem is not null)
        {
            errors["description"] = descriptionProblem;
        }

        if (fields["labels"] is not JsonArray labels || labels.Any(l => l is null || l.GetValue<string>().Any(char.IsWhiteSpace)))
        {
            errors["labels"] = "Labels must be an array of strings without spaces.";
        }

        CheckRoutingFields(fields, errors);
        if (errors.Count > 0)
        {
            lock (_gate)
            {
                Problems.Add(errors.ToJsonString());
            }

            return (400, new JsonObject { ["errorMessages"] = new JsonArray(), ["errors"] = errors }.ToJsonString());
        }

        FakeIssue issue;
        lock (_gate)
        {
            issue = new FakeIssue(10_000 + _issues.Count + 1, $"{ProjectKey}-{_issues.Count + 1}", (JsonObject)fields.DeepClone());
            Initialize(issue);
            _issues.Add(issue);
        }

        return (201, new JsonObject { ["id"] = issue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["key"] = issue.Key, ["self"] = $"{BaseUrl}/rest/api/{ApiVersion}/issue/{issue.Key}" }.ToJsonString());
    }

    private (int, string) Comment(FakeIssue issue, RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Text)?["body"];
        var problem = CheckDocument(body);
        if (problem is not null)
        {
            return Reject("comment body: " + problem);
        }

        lock (_gate)
        {
            issue.Comments.Add(body!.DeepClone());
        }

        return (201, """{"id":"10000"}""");
    }

    private (int, string) Attach(FakeIssue issue, RecordedRequest request)
    {
        if (request.Header("X-Atlassian-Token") != "no-check")
        {
            return (403, "XSRF check failed");
        }

        if (request.Header("Content-Type")?.StartsWith("multipart/form-data; boundary=", StringComparison.Ordinal) != true
            || !(request.Text.Contains("name=file", StringComparison.Ordinal) || request.Text.Contains("name=\"file\"", StringComparison.Ordinal)))
        {
            return Reject("attachments need multipart/form-data with a part named file");
        }

        lock (_gate)
        {
            issue.Attachments.Add(request.Body);
            var name = AttachmentFileName().Match(request.Text);
            issue.AttachmentNames.Add(name.Success ? name.Groups[1].Value : "unnamed");
        }

        return (200, """[{"id":"10001","filename":"workbook.xlsx"}]""");
    }

    /// <summary>v3: an ADF doc (version 1, type doc, content[] of known nodes); v2: a string.</summary>
    private string? CheckDocument(JsonNode? node)
    {
        if (ApiVersion == 2)
        {
            return node is JsonValue value && value.TryGetValue<string>(out _) ? null : "v2 text must be a string";
        }

        if (node is not JsonObject doc || doc["version"]?.GetValue<int>() != 1 || doc["type"]?.GetValue<string>() != "doc" || doc["content"] is not JsonArray content)
        {
            return "description must be an ADF document: version 1, type doc, content[]";
        }

        return content.Select(n => CheckAdfNode(n, topLevel: true)).FirstOrDefault(p => p is not null);
    }

    private static string? CheckAdfNode(JsonNode? node, bool topLevel)
    {
        if (node is not JsonObject obj || obj["type"]?.GetValue<string>() is not { } type)
        {
            return "ADF node without a type";
        }

        if (type == "text")
        {
            if (topLevel || string.IsNullOrEmpty(obj["text"]?.GetValue<string>()))
            {
                return "text nodes must be inline and non-empty";
            }

            var marks = obj["marks"] as JsonArray ?? [];
            var unknown = marks.Select(m => m?["type"]?.GetValue<string>()).FirstOrDefault(m => m is null || !AdfMarks.Contains(m));
            return unknown is null && marks.Count == marks.Select(m => m!["type"]!.GetValue<string>()).Distinct().Count() ? null : "unknown or repeated mark";
        }

        if (!AdfBlockTypes.Contains(type) || obj["content"] is not JsonArray children)
        {
            return $"unexpected ADF node {type}";
        }

        return children.Select(c => CheckAdfNode(c, topLevel: false)).FirstOrDefault(p => p is not null);
    }

    private (int, string) Reject(string problem)
    {
        lock (_gate)
        {
            Problems.Add(problem);
        }

        return (400, new JsonObject { ["errorMessages"] = new JsonArray(problem) }.ToJsonString());
    }

    private static async Task RespondAsync(HttpListenerResponse response, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json;charset=UTF-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    [GeneratedRegex("^issue/(?<key>[A-Z][A-Z0-9_]*-[0-9]+)/(?<what>comment|attachments)$")]
    private static partial Regex IssueSubresource();

    [GeneratedRegex("^issue/(?<key>[A-Z][A-Z0-9_]*-[0-9]+)(?<comment>/comment)?$")]
    private static partial Regex IssueRead();

    [GeneratedRegex("filename=\"?([^\";\r\n]+)")]
    private static partial Regex AttachmentFileName();

    [GeneratedRegex("labels = \"([^\"]+)\"")]
    private static partial Regex LabelClause();

    private sealed record Stall(string Method, string PathSuffix, TimeSpan For)
    {
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
