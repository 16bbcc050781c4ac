using System.Text.Json.Nodes;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Delivery.Jira;
using ComplianceReport.Delivery.Tests.Support;
using ComplianceReport.JiraListener;

namespace ComplianceReport.Delivery.Tests.Jira;

public sealed class JiraReportSinkTests
{
    private static readonly byte[] Workbook = TestArtifacts.RandomBytes(50_000);

    private static readonly RunInfo OnDemandRun = TestArtifacts.ScheduledRun() with { RunId = "2026-W48-ondemand-20261125093000000", Trigger = RunTrigger.OnDemand };

    [Fact]
    public async Task Cloud_creates_one_issue_with_the_run_label_and_attaches_the_workbook()
    {
        await using var h = new JiraSinkHarness(apiVersion: 3);
        var artifact = h.Files.Create(Workbook);

        var result = await h.Sink.DeliverAsync(artifact, [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);

        Assert.Empty(h.Fake.Problems);
        Assert.True(result.Succeeded, result.Error);
        var issue = Assert.Single(h.Fake.Issues);
        Assert.Equal("jira", result.Sink);
        Assert.Equal(issue.Key, result.Location);
        Assert.Equal($"{h.Fake.BaseUrl}/browse/{issue.Key}", result.Link);
        Assert.Contains("compliance-report-2026-W48", issue.Labels);
        Assert.Equal("Task", issue.Fields["issuetype"]!["name"]!.GetValue<string>());
        Assert.Equal(
            "AWS Config compliance 2026-W48: 1,234 non-compliant resources in 56 of 300 accounts",
            issue.Fields["summary"]!.GetValue<string>());

        var description = issue.Fields["description"]!.ToJsonString();
        Assert.Contains("s3://sec-reports/reports/2026/2026-W48/compliance-report-2026-W48.xlsx", description, StringComparison.Ordinal);
        var link = AdfTexts(issue.Fields["description"]!).Single(t => t.Href is not null);
        Assert.Equal(JiraSinkHarness.S3Result().Link, link.Href);
        Assert.Contains("87.3% (up 2.3 points from 85.0% in the previous scheduled run)", description, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", description, StringComparison.Ordinal);

        var attachment = Assert.Single(h.Fake.RequestsTo("POST", $"/issue/{issue.Key}/attachments"));
        Assert.Equal("no-check", attachment.Header("X-Atlassian-Token"));
        Assert.Equal(h.Fake.ExpectedAuthorization, attachment.Header("Authorization"));
        Assert.True(Assert.Single(issue.Attachments).AsSpan().IndexOf(Workbook) >= 0, "the multipart body carries the workbook bytes");
        Assert.Single(h.Fake.RequestsTo("POST", "/rest/api/3/search/jql"));
    }

    [Fact]
    public async Task A_later_run_of_the_same_week_comments_on_the_weeks_issue_and_attaches_its_workbook()
    {
        await using var h = new JiraSinkHarness(apiVersion: 3);

        var first = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);
        var second = await h.Sink.DeliverAsync(h.Files.Create(Workbook, OnDemandRun), [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);

        Assert.Empty(h.Fake.Problems);
        Assert.True(second.Succeeded, second.Error);
        var issue = Assert.Single(h.Fake.Issues);
        Assert.Equal(first.Location, second.Location);
        Assert.Single(h.Fake.RequestsTo("POST", "/rest/api/3/issue"));
        var comment = Assert.Single(issue.Comments);
        Assert.Contains("1,234 non-compliant resources", comment.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("delivered again", comment.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(JiraReportSink.RunMarker(OnDemandRun), comment.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["compliance-report-2026-W48.xlsx", $"compliance-report-{OnDemandRun.RunId}.xlsx"], issue.AttachmentNames);
    }

    [Fact]
    public async Task Delivering_the_same_run_again_with_its_journal_repeats_nothing()
    {
        await using var h = new JiraSinkHarness(apiVersion: 3);
        var artifact = h.Files.Create(Workbook);

        await h.Sink.DeliverAsync(artifact, [], h.Journal, CancellationToken.None);
        var again = await h.Sink.DeliverAsync(artifact, [], h.Journal, CancellationToken.None);

        Assert.True(again.Succeeded, again.Error);
        var issue = Assert.Single(h.Fake.Issues);
        Assert.Empty(issue.Comments);
        Assert.Single(issue.Attachments);
        Assert.Single(h.Fake.RequestsTo("POST", "/search/jql"));
    }

    /// <summary>
    /// The run's silo dies while a request is in flight (the cancellation), and Jira performs that
    /// request later anyway; the resumed run, with the journal, must not do it a second time.
    /// </summary>
    [Theory]
    [InlineData("/rest/api/3/issue")]
    [InlineData("/comment")]
    [InlineData("/attachments")]
    public async Task An_effect_cut_off_mid_request_is_not_repeated_when_the_run_resumes(string step)
    {
        await using var h = new JiraSinkHarness(apiVersion: 3, configure: o => { o.RequestTimeout = TimeSpan.FromSeconds(2); o.SearchLag = TimeSpan.FromSeconds(1); }, realTime: true);
        var run = step == "/comment" ? OnDemandRun : TestArtifacts.ScheduledRun();
        if (step == "/comment")
        {
            Assert.True((await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None)).Succeeded);
        }

        var artifact = h.Files.Create(Workbook, run);
        var arrived = h.Fake.StallNext("POST", step, TimeSpan.FromSeconds(1));
        using var dies = new CancellationTokenSource();
        var lost = h.Sink.DeliverAsync(artifact, [], h.Journal, dies.Token);
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        await dies.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lost);

        var resumed = await h.Sink.DeliverAsync(artifact, [], h.Journal, CancellationToken.None);

        Assert.True(resumed.Succeeded, resumed.Error);
        Assert.Empty(h.Fake.Problems);
        var issue = Assert.Single(h.Fake.Issues);
        Assert.Equal(issue.Key, resumed.Location);
        Assert.Equal(step == "/comment" ? 1 : 0, issue.Comments.Count);
        Assert.Equal(step == "/comment" ? 2 : 1, issue.AttachmentNames.Count);
        Assert.Equal(issue.AttachmentNames.Count, issue.AttachmentNames.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_Jira_that_hangs_fails_the_delivery_after_the_request_timeout()
    {
        await using var h = new JiraSinkHarness(configure: o => { o.RequestTimeout = TimeSpan.FromSeconds(1); o.MaxAttempts = 2; });
        _ = h.Fake.StallNext("POST", "/search/jql", TimeSpan.FromSeconds(20));
        _ = h.Fake.StallNext("POST", "/search/jql", TimeSpan.FromSeconds(20));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], h.Journal, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Jira:RequestTimeout (1 s)", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, h.Fake.RequestsTo("POST", "/search/jql").Count());
        Assert.Empty(h.Fake.Issues);
    }

    [Fact]
    public async Task A_quick_re_run_finds_the_new_issue_although_Cloud_search_lags_behind()
    {
        await using var h = new JiraSinkHarness(apiVersion: 3);
        h.Fake.SearchLagsBehindCreates = true;
        var artifact = h.Files.Create(Workbook);

        await h.Sink.DeliverAsync(artifact, [], new MemoryJournal(), CancellationToken.None);
        var second = await h.Sink.DeliverAsync(h.Files.Create(Workbook, OnDemandRun), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        var issue = Assert.Single(h.Fake.Issues);
        Assert.Single(issue.Comments);
        var search = JsonNode.Parse(h.Fake.RequestsTo("POST", "/search/jql").Last().Text)!;
        Assert.Equal(issue.Id, search["reconcileIssues"]![0]!.GetValue<long>());
    }

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_in_Retry_After()
    {
        await using var h = new JiraSinkHarness();
        h.Fake.Script(new ScriptedResponse("POST", "/rest/api/3/issue", 429, """{"errorMessages":["Rate limit exceeded"]}""", new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(h.Fake.Issues);
        Assert.Equal(2, h.Fake.RequestsTo("POST", "/rest/api/3/issue").Count());
        Assert.Contains(TimeSpan.FromSeconds(7), h.Time.Delays);
    }

    [Fact]
    public async Task A_503_with_an_HTTP_date_Retry_After_waits_until_that_date()
    {
        await using var h = new JiraSinkHarness();
        var date = JiraSinkHarness.Now.AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        h.Fake.Script(new ScriptedResponse("POST", "/search/jql", 503, "busy", new Dictionary<string, string> { ["Retry-After"] = date }));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([TimeSpan.FromSeconds(30)], h.Time.Delays);
        Assert.Single(h.Fake.Issues);
    }

    [Fact]
    public async Task A_500_on_create_is_retried_after_searching_again_and_creates_one_issue()
    {
        await using var h = new JiraSinkHarness();
        h.Fake.Script(new ScriptedResponse("POST", "/rest/api/3/issue", 500, """{"errorMessages":["Internal server error"]}"""));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(h.Fake.Issues);
        Assert.Equal(2, h.Fake.RequestsTo("POST", "/search/jql").Count());
        Assert.Equal(2, h.Fake.RequestsTo("POST", "/rest/api/3/issue").Count());
    }

    [Fact]
    public async Task A_500_after_Jira_did_create_the_issue_does_not_create_a_duplicate()
    {
        await using var h = new JiraSinkHarness();
        h.Fake.Script(new ScriptedResponse("POST", "/rest/api/3/issue", 502, "Bad gateway", ThenPerform: true));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var issue = Assert.Single(h.Fake.Issues);
        Assert.Equal(issue.Key, result.Location);
        Assert.Single(h.Fake.RequestsTo("POST", "/rest/api/3/issue"));
        Assert.Empty(issue.Comments);
        Assert.Single(issue.Attachments);
    }

    [Fact]
    public async Task Persistent_server_errors_fail_after_the_configured_attempts()
    {
        await using var h = new JiraSinkHarness(configure: o => o.MaxAttempts = 3);
        for (var i = 0; i < 10; i++)
        {
            h.Fake.Script(new ScriptedResponse("POST", "/search/jql", 503, """{"errorMessages":["Service unavailable"]}"""));
        }

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(3, h.Fake.Requests.Count);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
        Assert.Contains("Service unavailable", result.Error, StringComparison.Ordinal);
        Assert.Empty(h.Fake.Issues);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_limit_fails_instead_of_stalling_the_run()
    {
        await using var h = new JiraSinkHarness(configure: o => o.MaxRetryDelay = TimeSpan.FromSeconds(60));
        h.Fake.Script(new ScriptedResponse("POST", "/search/jql", 429, "{}", new Dictionary<string, string> { ["Retry-After"] = "3600" }));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Jira:MaxRetryDelay", result.Error, StringComparison.Ordinal);
        Assert.Empty(h.Time.Delays);
    }

    [Fact]
    public async Task A_400_fails_with_Jiras_messages_and_never_the_token()
    {
        await using var h = new JiraSinkHarness();
        var basic = h.Fake.ExpectedAuthorization["Basic ".Length..];
        h.Fake.Script(new ScriptedResponse(
            "POST",
            "/rest/api/3/issue",
            400,
            $$$"""{"errorMessages":["Field 'customfield_1' cannot be set (request by {{{JiraSinkHarness.Token}}})"],"errors":{"issuetype":"The issue type selected is invalid.","labels":"{{{basic}}}"}}"""));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Location);
        Assert.Contains("400", result.Error, StringComparison.Ordinal);
        Assert.Contains("Field 'customfield_1' cannot be set", result.Error, StringComparison.Ordinal);
        Assert.Contains("issuetype: The issue type selected is invalid.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(JiraSinkHarness.Token, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, result.Error, StringComparison.Ordinal);
        Assert.NotEmpty(h.Logger.Lines);
        Assert.Contains(h.Logger.Lines, l => l.Contains("cannot be set", StringComparison.Ordinal));
        Assert.DoesNotContain(JiraSinkHarness.Token, h.Logger.All, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, h.Logger.All, StringComparison.Ordinal);
        Assert.Empty(h.Fake.Issues);
    }

    [Fact]
    public async Task The_token_is_in_the_auth_header_only_never_in_bodies_or_logs()
    {
        await using var h = new JiraSinkHarness();
        h.Fake.Script(new ScriptedResponse("POST", "/search/jql", 503, "{}"));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.All(h.Fake.Requests, r => Assert.Equal(h.Fake.ExpectedAuthorization, r.Header("Authorization")));
        Assert.All(h.Fake.Requests, r => Assert.DoesNotContain(JiraSinkHarness.Token, r.Text, StringComparison.Ordinal));
        Assert.Contains(h.Logger.Lines, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.DoesNotContain(JiraSinkHarness.Token, h.Logger.All, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Fake.ExpectedAuthorization["Basic ".Length..], h.Logger.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_Jiras_401_message()
    {
        await using var h = new JiraSinkHarness(configure: o => o.ApiToken = "not-the-token");

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.Contains("not authenticated", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_Center_uses_bearer_auth_the_v2_search_and_a_wiki_description()
    {
        await using var h = new JiraSinkHarness(apiVersion: 2);

        var first = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);
        var second = await h.Sink.DeliverAsync(h.Files.Create(Workbook, OnDemandRun), [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);

        Assert.Empty(h.Fake.Problems);
        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Succeeded, second.Error);
        Assert.All(h.Fake.Requests, r => Assert.Equal("Bearer " + JiraSinkHarness.Token, r.Header("Authorization")));
        Assert.Equal(2, h.Fake.RequestsTo("POST", "/rest/api/2/search").Count());
        Assert.Empty(h.Fake.RequestsTo("POST", "/search/jql"));
        var issue = Assert.Single(h.Fake.Issues);
        var description = issue.Fields["description"]!.GetValue<string>();
        Assert.StartsWith("h3. Totals", description, StringComparison.Ordinal);
        Assert.Contains($"|{JiraSinkHarness.S3Result().Link}]", description, StringComparison.Ordinal);
        Assert.Single(issue.Comments);
        Assert.Equal(2, issue.Attachments.Count);
    }

    [Fact]
    public async Task A_dry_run_writes_the_request_next_to_the_workbook_and_calls_nothing()
    {
        await using var h = new JiraSinkHarness(configure: o => o.DryRun = true);
        var artifact = h.Files.Create(Workbook);

        var result = await h.Sink.DeliverAsync(artifact, [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(h.Fake.Requests);
        var expected = Path.Combine(h.Files.Directory, "jira-ticket-2026-W48.json");
        Assert.Equal(expected, result.Location);
        var text = await File.ReadAllTextAsync(expected);
        Assert.DoesNotContain(JiraSinkHarness.Token, text, StringComparison.Ordinal);
        var requests = JsonNode.Parse(text)!["requests"]!.AsArray();
        Assert.Equal("/rest/api/3/search/jql", requests[0]!["path"]!.GetValue<string>());
        var create = requests[1]!;
        Assert.Equal($"{h.Fake.BaseUrl}/rest/api/3/issue", create["url"]!.GetValue<string>());
        Assert.Equal("SEC", create["body"]!["fields"]!["project"]!["key"]!.GetValue<string>());
        Assert.Equal("doc", create["body"]!["fields"]!["description"]!["type"]!.GetValue<string>());
        Assert.Equal("no-check", requests[2]!["headers"]!["X-Atlassian-Token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_workbook_over_the_attachment_limit_is_linked_but_not_attached()
    {
        await using var h = new JiraSinkHarness(configure: o => o.AttachmentMaxBytes = 1000);

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [JiraSinkHarness.S3Result()], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(h.Fake.RequestsTo("POST", "/attachments"));
        Assert.Contains("Jira:AttachmentMaxBytes", h.Fake.Issues.Single().Fields["description"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_attachment_keeps_the_issue_key_in_the_failure()
    {
        await using var h = new JiraSinkHarness();
        h.Fake.Script(new ScriptedResponse("POST", "/attachments", 413, """{"errorMessages":["The file is too large"]}"""));

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), CancellationToken.None);

        Assert.False(result.Succeeded);
        var issue = Assert.Single(h.Fake.Issues);
        Assert.Equal(issue.Key, result.Location);
        Assert.Contains("The file is too large", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_and_ADF_looking_account_names_stay_text_in_Cloud_issues()
    {
        const string Hostile = """*bold* {code} [link|http://x] {"type":"mention","attrs":{"id":"1"}}""";
        await using var h = new JiraSinkHarness();
        var annotation = "h1. " + new string('A', 10_000);

        var result = await h.Sink.DeliverAsync(h.Files.Create(Workbook, accountName: Hostile, annotation: annotation), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(h.Fake.Problems);
        var texts = AdfTexts(h.Fake.Issues.Single().Fields["description"]!);
        Assert.Contains(texts, t => t.Text.Contains(Hostile, StringComparison.Ordinal) && t.Href is null);
        Assert.All(texts, t => Assert.True(t.Href is null, "no link comes from report data without an S3 result"));
        Assert.All(texts, t => Assert.True(t.Text.Length <= 400, $"text node of {t.Text.Length} characters"));
    }

    [Fact]
    public async Task A_cancelled_delivery_throws_instead_of_reporting_a_failure()
    {
        await using var h = new JiraSinkHarness();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Sink.DeliverAsync(h.Files.Create(Workbook), [], new MemoryJournal(), cancellation.Token));
    }

    private static List<(string Text, string? Href)> AdfTexts(JsonNode node)
    {
        var found = new List<(string, string?)>();
        Walk(node);
        return found;

        void Walk(JsonNode? n)
        {
            if (n is JsonObject obj)
            {
                if (obj["type"]?.GetValue<string>() == "text")
                {
                    var href = (obj["marks"] as JsonArray)?.FirstOrDefault(m => m!["type"]!.GetValue<string>() == "link")?["attrs"]?["href"]?.GetValue<string>();
                    found.Add((obj["text"]!.GetValue<string>(), href));
                }

                Walk(obj["content"]);
            }
            else if (n is JsonArray array)
            {
                foreach (var child in array)
                {
                    Walk(child);
                }
            }
        }
    }
}
