using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ComplianceReport.Delivery.Jira;

/// <summary>
/// The few Jira REST calls the sink makes, with authentication and Jira's error messages turned
/// into credential-free text. Retries, timeouts and the circuit breaker are the HTTP client's
/// resilience pipeline (<see cref="JiraResilience"/>).
/// </summary>
internal sealed partial class JiraClient
{
    private const int MaxErrorLength = 1000;
    private const int MaxCommentsRead = 100;
    private const int SearchPageSize = 100;
    private const int MaxSearchPages = 20;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly JiraOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _baseUri;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string[] _secrets;

    public JiraClient(HttpClient http, JiraOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        _baseUri = BaseUri(options.BaseUrl);
        if (options.ApiVersion == JiraOptions.CloudApiVersion)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.ApiToken}"));
            _authorization = new AuthenticationHeaderValue("Basic", basic);
            _secrets = [options.ApiToken, basic];
        }
        else
        {
            _authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
            _secrets = [options.ApiToken];
        }
    }

    /// <summary>The site URL with a trailing slash, so relative paths keep a context path (https://host/jira/).</summary>
    public static Uri BaseUri(string baseUrl) => new(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);

    public Uri BrowseUri(string issueKey) => new(_baseUri, $"browse/{issueKey}");

    /// <summary>The oldest issue in the project carrying the label, with its labels, or null.</summary>
    public async Task<(string Key, IReadOnlyList<string> Labels)?> FindIssueAsync(string label, long? reconcileIssueId, CancellationToken cancellationToken)
    {
        var reconcile = _options.ApiVersion == JiraOptions.CloudApiVersion ? reconcileIssueId : null;
        var body = JiraPayloads.SearchBody(_options.ProjectKey, label, reconcile);
        var response = await SendAsync("search", () => Json(HttpMethod.Post, JiraPayloads.SearchPath(_options.ApiVersion), body), idempotent: true, cancellationToken).ConfigureAwait(false);
        using var document = Parse("search", response);
        if (document.RootElement.TryGetProperty("issues", out var issues) && issues.ValueKind == JsonValueKind.Array && issues.GetArrayLength() > 0)
        {
            var issue = issues[0];
            IReadOnlyList<string> labels = issue.TryGetProperty("fields", out var fields)
                && fields.ValueKind == JsonValueKind.Object
                && fields.TryGetProperty("labels", out var list)
                && list.ValueKind == JsonValueKind.Array
                    ? [.. list.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!)]
                    : [];
            return (IssueKeyOf("search", issue), labels);
        }

        return null;
    }

    /// <summary>
    /// Creates the issue. Only a 429 is retried here: after a 5xx or a timeout Jira may have
    /// created it anyway, so the caller searches again before another try.
    /// </summary>
    public async Task<(string Key, long? Id)> CreateIssueAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var response = await SendAsync("create issue", () => Json(HttpMethod.Post, JiraPayloads.IssuePath(_options.ApiVersion), body), idempotent: false, cancellationToken).ConfigureAwait(false);
        using var document = Parse("create issue", response);
        var key = IssueKeyOf("create issue", document.RootElement);
        var id = document.RootElement.TryGetProperty("id", out var idElement)
            && idElement.ValueKind == JsonValueKind.String
            && long.TryParse(idElement.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : (long?)null;
        return (key, id);
    }

    /// <summary>The file names of the issue's attachments.</summary>
    public async Task<IReadOnlyList<string>> AttachmentNamesAsync(string issueKey, CancellationToken cancellationToken)
    {
        var path = JiraPayloads.IssuePath(_options.ApiVersion) + $"/{issueKey}?fields=attachment";
        var response = await SendAsync("read attachments", () => Get(path), idempotent: true, cancellationToken).ConfigureAwait(false);
        using var document = Parse("read attachments", response);
        if (document.RootElement.TryGetProperty("fields", out var fields)
            && fields.ValueKind == JsonValueKind.Object
            && fields.TryGetProperty("attachment", out var attachments)
            && attachments.ValueKind == JsonValueKind.Array)
        {
            return [.. attachments.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("filename", out var name) && name.ValueKind == JsonValueKind.String)
                .Select(a => a.GetProperty("filename").GetString()!)];
        }

        return [];
    }

    /// <summary>Whether one of the issue's latest comments contains the text (a run's marker).</summary>
    public async Task<bool> HasCommentContainingAsync(string issueKey, string text, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{JiraPayloads.CommentPath(_options.ApiVersion, issueKey)}?orderBy=-created&maxResults={MaxCommentsRead}");
        var response = await SendAsync("read comments", () => Get(path), idempotent: true, cancellationToken).ConfigureAwait(false);
        using var document = Parse("read comments", response);
        // Data Center bodies are wiki text, where the marker's dashes were escaped when it was written.
        var escaped = Content.WikiRenderer.Escape(text);
        return document.RootElement.TryGetProperty("comments", out var comments)
            && comments.ValueKind == JsonValueKind.Array
            && comments.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("body", out var body)
                && (body.ValueKind == JsonValueKind.String
                    ? body.GetString()!.Contains(text, StringComparison.Ordinal) || body.GetString()!.Contains(escaped, StringComparison.Ordinal)
                    : body.GetRawText().Contains(text, StringComparison.Ordinal)));
    }

    public async Task AddCommentAsync(string issueKey, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync("add comment", () => Json(HttpMethod.Post, JiraPayloads.CommentPath(_options.ApiVersion, issueKey), body), idempotent: false, cancellationToken).ConfigureAwait(false);

    public async Task AttachAsync(string issueKey, string localPath, string fileName, CancellationToken cancellationToken, string contentType = S3.S3ReportSink.WorkbookContentType)
    {
        await SendAsync(
            "attach " + (contentType == S3.S3ReportSink.WorkbookContentType ? "workbook" : "file"),
            () =>
            {
                var file = new StreamContent(File.OpenRead(localPath));
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                var form = new MultipartFormDataContent { { file, "file", fileName } };
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, JiraPayloads.AttachmentsPath(_options.ApiVersion, issueKey))) { Content = form };

                // Jira refuses multipart posts without this header (its XSRF protection).
                request.Headers.Add("X-Atlassian-Token", "no-check");
                return request;
            },
            idempotent: false,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every issue the JQL finds (all pages), with the fields routing compares.</summary>
    public async Task<IReadOnlyList<Routing.JiraIssueView>> SearchAsync(string jql, long? reconcileIssueId, CancellationToken cancellationToken)
    {
        var cloud = _options.ApiVersion == JiraOptions.CloudApiVersion;
        var found = new List<Routing.JiraIssueView>();
        string? pageToken = null;
        for (var page = 0; page < MaxSearchPages; page++)
        {
            var body = JiraPayloads.SearchBody(jql, SearchPageSize, cloud ? reconcileIssueId : null, pageToken, cloud ? null : found.Count);
            var response = await SendAsync("search", () => Json(HttpMethod.Post, JiraPayloads.SearchPath(_options.ApiVersion), body), idempotent: true, cancellationToken).ConfigureAwait(false);
            using var document = Parse("search", response);
            var root = document.RootElement;
            var issues = root.TryGetProperty("issues", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            found.AddRange(issues.Select(i => Routing.JiraIssueView.Parse(IssueKeyOf("search", i), i)));
            var more = cloud
                ? (pageToken = root.TryGetProperty("nextPageToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null) is not null
                    && !(root.TryGetProperty("isLast", out var last) && last.ValueKind == JsonValueKind.True)
                : root.TryGetProperty("total", out var total) && total.TryGetInt32(out var count) && found.Count < count;
            if (!more || issues.Count == 0)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>One issue's fields (comma-separated names) and, when asked, the routing stamp property.</summary>
    public async Task<Routing.JiraIssueView> GetIssueAsync(string issueKey, string fields, bool withStamp, CancellationToken cancellationToken)
    {
        var path = $"{JiraPayloads.IssuePath(_options.ApiVersion)}/{issueKey}?fields={fields}" + (withStamp ? "&properties=" + Routing.RoutingStamp.PropertyKey : string.Empty);
        var response = await SendAsync("read issue", () => Get(path), idempotent: true, cancellationToken).ConfigureAwait(false);
        using var document = Parse("read issue", response);
        return Routing.JiraIssueView.Parse(issueKey, document.RootElement);
    }

    /// <summary>Sets the routing stamp; a PUT of the same value is harmless to repeat.</summary>
    public async Task SetStampAsync(string issueKey, Routing.RoutingStamp stamp, CancellationToken cancellationToken) =>
        await SendAsync("set issue property", () => Json(HttpMethod.Put, JiraPayloads.PropertyPath(_options.ApiVersion, issueKey, Routing.RoutingStamp.PropertyKey), stamp.ToJson()), idempotent: true, cancellationToken).ConfigureAwait(false);

    public async Task LinkAsync(string linkType, string inwardKey, string outwardKey, CancellationToken cancellationToken) =>
        await SendAsync("link issues", () => Json(HttpMethod.Post, JiraPayloads.IssueLinkPath(_options.ApiVersion), JiraPayloads.LinkBody(linkType, inwardKey, outwardKey)), idempotent: false, cancellationToken).ConfigureAwait(false);

    /// <summary>The transitions the issue's workflow offers from its current status: id, name and target status name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, string? To)>> TransitionsAsync(string issueKey, CancellationToken cancellationToken)
    {
        var response = await SendAsync("read transitions", () => Get(JiraPayloads.TransitionsPath(_options.ApiVersion, issueKey)), idempotent: true, cancellationToken).ConfigureAwait(false);
        using var document = Parse("read transitions", response);
        if (!document.RootElement.TryGetProperty("transitions", out var transitions) || transitions.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. transitions.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && t.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            .Select(t => (
                t.GetProperty("id").GetString()!,
                t.GetProperty("name").GetString()!,
                t.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Object && to.TryGetProperty("name", out var toName) && toName.ValueKind == JsonValueKind.String ? toName.GetString() : null))];
    }

    public async Task TransitionAsync(string issueKey, string transitionId, CancellationToken cancellationToken) =>
        await SendAsync("transition issue", () => Json(HttpMethod.Post, JiraPayloads.TransitionsPath(_options.ApiVersion, issueKey), JiraPayloads.TransitionBody(transitionId)), idempotent: false, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits before trying a whole step again (exponential, capped).</summary>
    public Task BackoffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(Backoff(attempt), _time, cancellationToken);

    /// <summary>Removes the token (and the basic credential built from it) from any text.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static TimeSpan Backoff(int attempt)
    {
        var delay = FirstBackoff * Math.Pow(2, Math.Max(0, attempt - 1));
        return delay > MaxBackoff ? MaxBackoff : delay;
    }

    private HttpRequestMessage Json(HttpMethod method, string path, JsonObject body) =>
        new(method, new Uri(_baseUri, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };

    private HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(_baseUri, path));

    /// <param name="idempotent">False for a request whose repetition could duplicate an effect: the pipeline retries it only after a 429.</param>
    private async Task<string> SendAsync(string operation, Func<HttpRequestMessage> build, bool idempotent, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(JiraResilience.NotIdempotent, !idempotent);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or TimeoutRejectedException or BrokenCircuitException)
        {
            // The request may or may not have arrived.
            var reason = ex switch
            {
                TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"did not answer within Jira:RequestTimeout ({_options.RequestTimeout.TotalSeconds:0} s)"),
                TaskCanceledException => "timed out",
                BrokenCircuitException => "was not called: too many of its recent requests failed (circuit open for 30 s)",
                _ => "could not be reached: " + ex.Message,
            };
            throw new JiraRequestException(Redact($"Jira {operation} at {_baseUri.Host} {reason}"), transient: true);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return text;
            }

            var status = (int)response.StatusCode;
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
            if (transient && JiraResilience.RetryAfter(response, _time) is { } delay && delay > _options.MaxRetryDelay)
            {
                throw new JiraRequestException(
                    string.Create(CultureInfo.InvariantCulture, $"Jira {operation} answered {status} and asked to retry after {delay.TotalSeconds:0} s, longer than Jira:MaxRetryDelay ({_options.MaxRetryDelay.TotalSeconds:0} s)."),
                    transient: true);
            }

            throw new JiraRequestException(Redact(DescribeError(operation, response, text)), transient);
        }
    }

    private static string DescribeError(string operation, HttpResponseMessage response, string body)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".Trim();
        var details = JiraErrors(body);
        if (details.Length == 0)
        {
            var snippet = body.Length > 300 ? body[..300] + "…" : body;
            details = snippet.Trim().Length == 0 ? "no details in the response" : snippet.ReplaceLineEndings(" ");
        }

        var message = $"Jira {operation} failed with {status}: {details}";
        return message.Length > MaxErrorLength ? message[..MaxErrorLength] + "…" : message;
    }

    /// <summary>Jira's error shape: <c>{"errorMessages": [...], "errors": {"field": "message"}}</c>.</summary>
    private static string JiraErrors(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            var parts = new List<string>();
            if (document.RootElement.TryGetProperty("errorMessages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
            }

            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Select(e => $"{e.Name}: {(e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() : e.Value.GetRawText())}"));
            }

            return string.Join("; ", parts);
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static JsonDocument Parse(string operation, string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new JiraRequestException($"Jira {operation} answered with a body that is not JSON.", transient: false);
        }
    }

    // The key goes into later request paths, so only a well-formed key is accepted.
    private static string IssueKeyOf(string operation, JsonElement issue)
    {
        if (issue.ValueKind == JsonValueKind.Object
            && issue.TryGetProperty("key", out var key)
            && key.ValueKind == JsonValueKind.String
            && IssueKey().IsMatch(key.GetString()!))
        {
            return key.GetString()!;
        }

        throw new JiraRequestException($"Jira {operation} answered without a valid issue key.", transient: false);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]*-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IssueKey();
}
