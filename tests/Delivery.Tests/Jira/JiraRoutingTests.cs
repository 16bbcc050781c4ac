using System.Text;
using System.Text.Json.Nodes;
using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Delivery.Hosting;
using ComplianceReport.Delivery.Jira;
using ComplianceReport.Delivery.Tests.Support;
using ComplianceReport.JiraListener;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Tests.Jira;

/// <summary>
/// Jira:Routing against the fake Jira: an item per mapped owner under the week's issue, found again
/// by its labels on later runs of the week, and last week's items settled when their findings are fixed.
/// </summary>
public sealed class JiraRoutingTests
{
    private const string PaymentsAccount = "5b10ac8d82e05b22cc7d4ef5";
    private const string PlatformAccount = "712020:3f1b1d0c-platform";
    private const string StorageAccount = "5b10ac8d82e05b22cc7d4ef7";
    private const string DataAccount = "5b10ac8d82e05b22cc7d4ef8";

    private static readonly byte[] Workbook = TestArtifacts.RandomBytes(20_000);

    private static readonly RunInfo Week48 = TestArtifacts.ScheduledRun("2026-W48");
    private static readonly RunInfo Week48OnDemand = Week48 with { RunId = "2026-W48-ondemand-20261125093000000", Trigger = RunTrigger.OnDemand };
    private static readonly RunInfo Week49 = TestArtifacts.ScheduledRun("2026-W49") with { StartedAt = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero) };
    private static readonly RunInfo Week49OnDemand = Week49 with { RunId = "2026-W49-ondemand-20261202093000000", Trigger = RunTrigger.OnDemand };

    [Fact]
    public async Task Mapped_owners_get_a_sub_task_each_and_unmapped_owners_stay_on_the_weeks_issue()
    {
        await using var h = Harness();
        var findings = new[]
        {
            Finding("team-payments", "sg-pay-critical", Severity.Critical),
            Finding("team-payments", "sg-pay-high", Severity.High),
            Finding("team-payments", "=HYPERLINK(\"http://evil\")", Severity.Low),
            Finding("Platform Team", "i-platform-1", Severity.Medium),
            Finding("Unassigned", "bucket-orphan-1", Severity.High),
            Finding("Unassigned", "bucket-orphan-2", Severity.Low),
        };

        var result = await h.Sink.DeliverAsync(Artifact(h, Week48, findings), [], h.Journal, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(h.Fake.Problems);
        Assert.Equal(3, h.Fake.Issues.Count);
        var week = h.Fake.Issue(result.Location!);
        Assert.Null(week.ParentKey);
        var description = week.Fields["description"]!.ToJsonString();
        Assert.Contains("Not routed (no Jira:Routing:Owners entry)", description, StringComparison.Ordinal);
        Assert.Contains("Unassigned", description, StringComparison.Ordinal);
        Assert.Contains("team-payments, Platform Team", description, StringComparison.Ordinal);

        var payments = OwnerItem(h, "team-payments", "2026-W48");
        Assert.Equal(week.Key, payments.ParentKey);
        Assert.Equal("Sub-task", payments.Fields["issuetype"]!["name"]!.GetValue<string>());
        Assert.Equal(PaymentsAccount, payments.Assignee);
        Assert.Equal("Payments", payments.Fields["components"]![0]!["name"]!.GetValue<string>());
        Assert.Contains("compliance-route-2026-W48", payments.Labels);
        Assert.DoesNotContain("compliance-report-2026-W48", payments.Labels);
        Assert.Contains("team-payments: 3 non-compliant resources", payments.Fields["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = payments.Fields["description"]!.ToJsonString();
        Assert.Contains("1 critical, 1 high, 0 medium, 1 low", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("sg-pay-critical", StringComparison.Ordinal) < text.IndexOf("sg-pay-high", StringComparison.Ordinal), "top resources are worst first");
        Assert.Equal(["compliance-findings-team-payments-2026-W48.csv"], payments.AttachmentNames);
        var csv = Csv(payments);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("Account,Account name,Region,Rule,Severity", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, l => l.Contains("orphan", StringComparison.Ordinal));
        Assert.Equal(PaymentsAccount, payments.Properties["compliance-report-routing"]["assignee"]!.GetValue<string>());

        var platform = OwnerItem(h, "platform-team", "2026-W48");
        Assert.Equal(PlatformAccount, platform.Assignee);
        Assert.Null(platform.Fields["components"]);
        Assert.Equal(2, Csv(platform).Length);
        Assert.DoesNotContain(h.Fake.Issues, i => i.Labels.Any(l => l.Contains("unassigned", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_second_run_of_the_week_comments_on_the_owners_sub_tasks_instead_of_creating_them()
    {
        await using var h = Harness();
        var findings = new[] { Finding("team-payments", "sg-1", Severity.High), Finding("Platform Team", "i-1", Severity.Low) };
        await h.Sink.DeliverAsync(Artifact(h, Week48, findings), [], new MemoryJournal(), CancellationToken.None);

        var later = new MemoryJournal();
        var second = await h.Sink.DeliverAsync(Artifact(h, Week48OnDemand, findings), [], later, CancellationToken.None);
        var again = await h.Sink.DeliverAsync(Artifact(h, Week48OnDemand, findings), [], later, CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        Assert.True(again.Succeeded, again.Error);
        Assert.Empty(h.Fake.Problems);
        Assert.Equal(3, h.Fake.Issues.Count);
        Assert.Equal(3, h.Fake.RequestsTo("POST", "/rest/api/3/issue").Count());
        foreach (var owner in new[] { "team-payments", "platform-team" })
        {
            var item = OwnerItem(h, owner, "2026-W48");
            var comment = Assert.Single(item.Comments).ToJsonString();
            Assert.Contains("delivered again", comment, StringComparison.Ordinal);
            Assert.Contains(JiraReportSink.RunMarker(Week48OnDemand), comment, StringComparison.Ordinal);
            Assert.Equal(2, item.AttachmentNames.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(2, item.AttachmentNames.Count);
        }

        Assert.Empty(h.Fake.RequestsTo("POST", "/issueLink"));
    }

    [Fact]
    public async Task The_next_week_links_last_weeks_issue_and_settles_resolved_owners_items_leaving_hand_edited_ones_alone()
    {
        await using var h = Harness();
        var week48 = new[]
        {
            Finding("team-payments", "sg-old", Severity.High),
            Finding("Platform Team", "i-still-open", Severity.Medium),
            Finding("team-storage", "bucket-1", Severity.Low),
            Finding("team-data", "db-1", Severity.Critical),
        };
        var first = await h.Sink.DeliverAsync(Artifact(h, Week48, week48), [], new MemoryJournal(), CancellationToken.None);
        var storage48 = OwnerItem(h, "team-storage", "2026-W48");
        var data48 = OwnerItem(h, "team-data", "2026-W48");
        h.Fake.ReassignByHand(storage48.Key, "5b10ac8d82e05b22cc7d0000");
        h.Fake.MoveByHand(data48.Key, FakeJira.InProgress);

        // Payments fixed last week's finding and has a new one; storage and data fixed theirs; platform did not.
        var week49 = new[] { Finding("team-payments", "sg-new", Severity.Low), Finding("Platform Team", "i-still-open", Severity.Medium) };
        var next = await h.Sink.DeliverAsync(Artifact(h, Week49, week49, previous: week48), [], new MemoryJournal(), CancellationToken.None);
        var rerun = await h.Sink.DeliverAsync(Artifact(h, Week49OnDemand, week49, previous: week48), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(next.Succeeded, next.Error);
        Assert.True(rerun.Succeeded, rerun.Error);
        Assert.Empty(h.Fake.Problems);
        var link = Assert.Single(h.Fake.Issue(next.Location!).Links);
        Assert.Equal(first.Location, link.Key);
        Assert.Single(h.Fake.RequestsTo("POST", "/issueLink"));

        var payments48 = OwnerItem(h, "team-payments", "2026-W48");
        Assert.Equal(FakeJira.Done, payments48.Status);
        Assert.Equal(["Done"], payments48.Transitions);
        var resolved = Assert.Single(payments48.Comments).ToJsonString();
        Assert.Contains("are resolved in the report of 2026-W49", resolved, StringComparison.Ordinal);
        Assert.Contains("Moved to Done", resolved, StringComparison.Ordinal);

        storage48 = h.Fake.Issue(storage48.Key);
        Assert.Equal(FakeJira.ToDo, storage48.Status);
        Assert.Equal("5b10ac8d82e05b22cc7d0000", storage48.Assignee);
        Assert.Empty(storage48.Transitions);
        Assert.Contains("changed by hand", Assert.Single(storage48.Comments).ToJsonString(), StringComparison.Ordinal);

        data48 = h.Fake.Issue(data48.Key);
        Assert.Equal(FakeJira.InProgress, data48.Status);
        Assert.Empty(data48.Transitions);
        Assert.Contains("changed by hand", Assert.Single(data48.Comments).ToJsonString(), StringComparison.Ordinal);

        var platform48 = OwnerItem(h, "platform-team", "2026-W48");
        Assert.Empty(platform48.Comments);
        Assert.Equal(FakeJira.ToDo, platform48.Status);

        Assert.Equal(next.Location, OwnerItem(h, "team-payments", "2026-W49").ParentKey);
        Assert.Equal(next.Location, OwnerItem(h, "platform-team", "2026-W49").ParentKey);
        Assert.Equal(2, h.Fake.Issues.Count(i => i.Labels.Contains("compliance-route-2026-W49")));
        Assert.Single(h.Fake.RequestsTo("POST", $"/issue/{payments48.Key}/transitions"));
    }

    [Fact]
    public async Task A_run_cut_off_while_creating_a_sub_task_creates_none_twice_when_it_resumes()
    {
        await using var h = Harness(o => { o.RequestTimeout = TimeSpan.FromSeconds(2); o.SearchLag = TimeSpan.FromSeconds(1); }, realTime: true);
        h.Fake.SeedIssue("compliance-report-2026-W48");
        var artifact = Artifact(h, Week48, [Finding("team-payments", "sg-1", Severity.High), Finding("Platform Team", "i-1", Severity.Low)]);

        // The first create is the payments sub-task (the week's issue exists); Jira performs it a second after the silo died.
        var arrived = h.Fake.StallNext("POST", "/rest/api/3/issue", TimeSpan.FromSeconds(1));
        using var dies = new CancellationTokenSource();
        var lost = h.Sink.DeliverAsync(artifact, [], h.Journal, dies.Token);
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        await dies.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lost);

        var resumed = await h.Sink.DeliverAsync(artifact, [], h.Journal, CancellationToken.None);

        Assert.True(resumed.Succeeded, resumed.Error);
        Assert.Empty(h.Fake.Problems);
        Assert.Single(h.Fake.Issues, i => i.Labels.Contains("compliance-owner-team-payments"));
        Assert.Single(h.Fake.Issues, i => i.Labels.Contains("compliance-owner-platform-team"));
        Assert.Equal(2, h.Fake.RequestsTo("POST", "/rest/api/3/issue").Count());
        var payments = OwnerItem(h, "team-payments", "2026-W48");
        Assert.Single(payments.AttachmentNames);
        Assert.Empty(payments.Comments);
    }

    [Fact]
    public async Task A_run_cut_off_while_moving_last_weeks_item_moves_it_once_and_comments_once()
    {
        await using var h = Harness(o => { o.RequestTimeout = TimeSpan.FromSeconds(2); o.SearchLag = TimeSpan.FromSeconds(1); }, realTime: true);
        var week48 = new[] { Finding("team-payments", "sg-old", Severity.High) };
        await h.Sink.DeliverAsync(Artifact(h, Week48, week48), [], new MemoryJournal(), CancellationToken.None);
        var artifact = Artifact(h, Week49, [Finding("Platform Team", "i-1", Severity.Low)], previous: week48);

        var arrived = h.Fake.StallNext("POST", "/transitions", TimeSpan.FromSeconds(1));
        using var dies = new CancellationTokenSource();
        var lost = h.Sink.DeliverAsync(artifact, [], h.Journal, dies.Token);
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        await dies.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lost);

        var resumed = await h.Sink.DeliverAsync(artifact, [], h.Journal, CancellationToken.None);

        Assert.True(resumed.Succeeded, resumed.Error);
        Assert.Empty(h.Fake.Problems);
        var payments48 = OwnerItem(h, "team-payments", "2026-W48");
        Assert.Equal(FakeJira.Done, payments48.Status);
        Assert.Equal(["Done"], payments48.Transitions);
        Assert.Contains("Moved to Done", Assert.Single(payments48.Comments).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_binds_routing_from_configuration_and_refuses_a_bad_mode_naming_the_key()
    {
        var values = new Dictionary<string, string?>
        {
            ["Jira:BaseUrl"] = "https://example.atlassian.net",
            ["Jira:ProjectKey"] = "SEC",
            ["Jira:Email"] = "e@example.com",
            ["Jira:ApiToken"] = "t",
            ["Jira:Routing:Enabled"] = "true",
            ["Jira:Routing:Owners:team-payments:AccountId"] = PaymentsAccount,
            ["Jira:Routing:Owners:team-payments:Component"] = "Payments",
            ["Jira:Routing:Owners:Platform Team:AccountId"] = PlatformAccount,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddLogging().AddReportDelivery(configuration).BuildServiceProvider();

        var routing = provider.GetRequiredService<IOptions<JiraOptions>>().Value.Routing;

        Assert.True(routing.IsSubTaskMode);
        Assert.Equal("Payments", routing.Owners["team-payments"].Component);
        Assert.Equal(PlatformAccount, routing.Owners["platform team"].AccountId);

        values["Jira:Routing:Mode"] = "Epic";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddReportDelivery(builder.Configuration);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Jira:Routing:Mode must be SubTask or LinkedIssue, not 'Epic'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_Center_items_are_assigned_by_user_name_with_wiki_text_and_moved_through_the_v2_transitions()
    {
        await using var h = Harness(apiVersion: 2);
        var week48 = new[] { Finding("team-payments", "sg-old", Severity.High), Finding("Platform Team", "i-1", Severity.Low) };
        await h.Sink.DeliverAsync(Artifact(h, Week48, week48), [], new MemoryJournal(), CancellationToken.None);
        var week49 = Artifact(h, Week49, [Finding("Platform Team", "i-1", Severity.Low)], previous: week48);
        var next = await h.Sink.DeliverAsync(week49, [], new MemoryJournal(), CancellationToken.None);

        // The same run again with its journal lost: its comments are found by their (wiki-escaped) markers.
        var again = await h.Sink.DeliverAsync(week49, [], new MemoryJournal(), CancellationToken.None);
        var later = await h.Sink.DeliverAsync(Artifact(h, Week49OnDemand, [Finding("Platform Team", "i-1", Severity.Low)], previous: week48), [], new MemoryJournal(), CancellationToken.None);
        await h.Sink.DeliverAsync(Artifact(h, Week49OnDemand, [Finding("Platform Team", "i-1", Severity.Low)], previous: week48), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(next.Succeeded, next.Error);
        Assert.True(again.Succeeded, again.Error);
        Assert.True(later.Succeeded, later.Error);
        Assert.Single(OwnerItem(h, "platform-team", "2026-W49").Comments);
        Assert.Empty(h.Fake.Problems);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Path.Contains("/rest/api/3/", StringComparison.Ordinal));
        var create = h.Fake.RequestsTo("POST", "/rest/api/2/issue")
            .Select(r => JsonNode.Parse(r.Text)!["fields"]!)
            .First(f => f["parent"] is not null);
        Assert.Equal("jsmith", create["assignee"]!["name"]!.GetValue<string>());
        Assert.Null(create["assignee"]!["accountId"]);
        var description = create["description"]!.GetValue<string>();
        Assert.Contains("h3. Counts", description, StringComparison.Ordinal);
        Assert.Contains("*High*: ", description, StringComparison.Ordinal);

        var payments48 = OwnerItem(h, "team-payments", "2026-W48");
        Assert.Equal(FakeJira.Done, payments48.Status);
        Assert.Single(h.Fake.RequestsTo("GET", $"/rest/api/2/issue/{payments48.Key}/transitions"));
        Assert.IsType<string>(Assert.Single(payments48.Comments).GetValue<string>());
        Assert.Single(h.Fake.Issue(next.Location!).Links);
    }

    [Fact]
    public async Task Linked_issue_mode_files_each_owner_as_an_issue_linked_to_the_weeks_issue()
    {
        await using var h = Harness(o => o.Routing.Mode = JiraRoutingOptions.LinkedIssueMode);
        var findings = new[] { Finding("team-payments", "sg-1", Severity.High) };

        var result = await h.Sink.DeliverAsync(Artifact(h, Week48, findings), [], h.Journal, CancellationToken.None);
        await h.Sink.DeliverAsync(Artifact(h, Week48, findings), [], h.Journal, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(h.Fake.Problems);
        var item = OwnerItem(h, "team-payments", "2026-W48");
        Assert.Null(item.ParentKey);
        Assert.Equal("Task", item.Fields["issuetype"]!["name"]!.GetValue<string>());
        Assert.Equal(result.Location, Assert.Single(item.Links).Key);
    }

    [Fact]
    public async Task A_dry_run_lists_the_owners_items_it_would_file_and_the_owners_left_on_the_weeks_issue()
    {
        await using var h = Harness(o => o.DryRun = true);
        var artifact = Artifact(h, Week48, [Finding("team-payments", "sg-1", Severity.High), Finding("Unassigned", "b-1", Severity.Low)]);

        var result = await h.Sink.DeliverAsync(artifact, [], h.Journal, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(h.Fake.Requests);
        var routing = JsonNode.Parse(await File.ReadAllTextAsync(result.Location!))!["routing"]!;
        var item = Assert.Single(routing["items"]!.AsArray())!;
        Assert.Equal("team-payments", item["owner"]!.GetValue<string>());
        Assert.Equal(PaymentsAccount, item["assignee"]!.GetValue<string>());
        Assert.Equal("compliance-owner-team-payments", item["labels"]![0]!.GetValue<string>());
        Assert.Equal("Unassigned", Assert.Single(routing["notRouted"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_transition_leaves_the_item_as_it_is_and_says_why()
    {
        await using var h = Harness(o => o.Routing.ResolvedTransition = "Resolve Issue");
        var week48 = new[] { Finding("team-payments", "sg-old", Severity.High) };
        await h.Sink.DeliverAsync(Artifact(h, Week48, week48), [], new MemoryJournal(), CancellationToken.None);

        var next = await h.Sink.DeliverAsync(Artifact(h, Week49, [], previous: week48), [], new MemoryJournal(), CancellationToken.None);

        Assert.True(next.Succeeded, next.Error);
        var payments48 = OwnerItem(h, "team-payments", "2026-W48");
        Assert.Equal(FakeJira.ToDo, payments48.Status);
        Assert.Contains("no transition named Resolve Issue", Assert.Single(payments48.Comments).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Jira:Routing:ResolvedTransition", h.Logger.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "Mode", "Subtasks", "Jira:Routing:Mode must be SubTask or LinkedIssue")]
    [InlineData(3, "UserName", "jsmith", "Jira:Routing:Owners:team-payments:UserName is for Jira Data Center")]
    [InlineData(2, "AccountId", "5b10ac8d82e05b22cc7d4ef5", "Jira:Routing:Owners:team-payments:AccountId is for Jira Cloud")]
    [InlineData(3, "AccountId", "not an id!", "Jira:Routing:Owners:team-payments:AccountId must be an Atlassian account id")]
    [InlineData(3, "Twin", "Team Payments", "Jira:Routing:Owners:Team Payments and Jira:Routing:Owners:team-payments give the same label")]
    public void Routing_options_are_checked_at_start_with_one_line_naming_the_key(int apiVersion, string what, string value, string expected)
    {
        var options = new JiraOptions { BaseUrl = "https://example.atlassian.net", ProjectKey = "SEC", Email = "e@example.com", ApiToken = "t", ApiVersion = apiVersion };
        options.Routing.Enabled = true;
        var entry = new JiraRoutingOwner();
        options.Routing.Owners["team-payments"] = entry;
        switch (what)
        {
            case "Mode":
                options.Routing.Mode = value;
                entry.AccountId = PaymentsAccount;
                break;
            case "UserName":
                entry.UserName = value;
                break;
            case "AccountId":
                entry.AccountId = value;
                break;
            default:
                entry.AccountId = PaymentsAccount;
                options.Routing.Owners[value] = new JiraRoutingOwner { AccountId = PaymentsAccount };
                break;
        }

        var result = new JiraOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void Routing_on_needs_at_least_one_owner_mapping()
    {
        var options = new JiraOptions { BaseUrl = "https://example.atlassian.net", ProjectKey = "SEC", Email = "e@example.com", ApiToken = "t" };
        options.Routing.Enabled = true;

        var result = new JiraOptionsValidator().Validate(null, options);

        Assert.Contains("Jira:Routing:Owners must map at least one owner", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static JiraSinkHarness Harness(Action<JiraOptions>? configure = null, int apiVersion = 3, bool realTime = false) =>
        new(apiVersion, o =>
        {
            o.Routing.Enabled = true;
            o.Routing.ResolvedTransition = "Done";
            var cloud = apiVersion == 3;
            o.Routing.Owners["team-payments"] = cloud ? new() { AccountId = PaymentsAccount, Component = "Payments" } : new() { UserName = "jsmith", Component = "Payments" };
            o.Routing.Owners["Platform Team"] = cloud ? new() { AccountId = PlatformAccount } : new() { UserName = "platform-bot" };
            o.Routing.Owners["team-storage"] = cloud ? new() { AccountId = StorageAccount } : new() { UserName = "storage" };
            o.Routing.Owners["team-data"] = cloud ? new() { AccountId = DataAccount } : new() { UserName = "data" };
            configure?.Invoke(o);
        }, realTime);

    private static Finding Finding(string owner, string resourceId, Severity severity) =>
        TestArtifacts.Finding() with { ResourceId = resourceId, ResourceName = null, Owner = owner, Severity = severity };

    /// <summary>A run's artifact whose summary, changes and findings stream agree, as the evaluate stage gives them.</summary>
    private static ReportArtifact Artifact(JiraSinkHarness h, RunInfo run, IReadOnlyList<Finding> findings, IReadOnlyList<Finding>? previous = null)
    {
        var changes = previous is null ? [] : FindingChanges.Compute(previous, findings);
        var owners = findings
            .GroupBy(f => f.Owner!)
            .Select(g => new OwnerStanding(g.Key, g.Aggregate(SeverityCounts.Zero, (c, f) => c.Add(f.Severity)), 0))
            .OrderByDescending(o => o.BySeverity)
            .ToList();
        var artifact = h.Files.Create(Workbook, run);
        return artifact with
        {
            Summary = artifact.Summary with { Owners = owners },
            Changes = changes,
            Findings = findings.ToAsyncEnumerable(),
        };
    }

    private static FakeIssue OwnerItem(JiraSinkHarness h, string slug, string week) =>
        h.Fake.Issues.Single(i => i.Labels.Contains("compliance-owner-" + slug) && i.Labels.Contains("compliance-route-" + week));

    private static string[] Csv(FakeIssue issue)
    {
        var multipart = Encoding.UTF8.GetString(issue.Attachments.Last());
        var start = multipart.IndexOf("Account,Account name", StringComparison.Ordinal);
        var end = multipart.IndexOf("\r\n--", start, StringComparison.Ordinal);
        return multipart[start..end].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
