using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.Jira.Content;
using ComplianceReport.Delivery.Jira.Routing;
using ComplianceReport.Delivery.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Jira;

/// <summary>
/// Keeps one Jira issue per ISO week: the week's first run creates it (labelled with the week), every
/// later run of the week, scheduled or on demand, comments on it with its numbers; each run links
/// its S3 workbook and attaches it when small enough. Each effect is written to the run's delivery
/// journal before it is attempted, so a run resumed after a crash looks for what the lost attempt
/// may have done (the issue by its label, the comment by the run's marker, the attachment by its
/// file name) instead of repeating it. With <c>Jira:DryRun</c> it writes the requests to
/// <c>jira-ticket-&lt;run&gt;.json</c> next to the workbook. Registered only when <c>Jira:BaseUrl</c>
/// is set or <c>Jira:DryRun</c> is true.
/// </summary>
public sealed class JiraReportSink : IReportSink
{
    public const string SinkName = "jira";

    private const string IssueEntry = "jira.issue";
    private const string CreatedEntry = "jira.created";
    private const string CreateIntentEntry = "jira.create-intent";
    private const string CommentIntentEntry = "jira.comment-intent";
    private const string CommentedEntry = "jira.commented";
    private const string AttachIntentEntry = "jira.attach-intent";
    private const string AttachedEntry = "jira.attached";

    // The file is read by people, not embedded in HTML: keep quotes and '+' unescaped.
    private static readonly JsonSerializerOptions DryRunJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly JiraOptions _options;
    private readonly JiraIssueMemory _memory;
    private readonly TimeProvider _time;
    private readonly ILogger<JiraReportSink> _logger;
    private readonly JiraEffects _effects;

    public JiraReportSink(HttpClient http, IOptions<JiraOptions> options, JiraIssueMemory memory, TimeProvider time, ILogger<JiraReportSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _memory = memory;
        _time = time;
        _logger = logger;
        _effects = new JiraEffects(_options, time);
    }

    public string Name => SinkName;

    public int Order => 20;

    /// <summary>Where a dry run writes its requests: <c>jira-ticket-&lt;run label&gt;.json</c> in the workbook's folder.</summary>
    public static string DryRunPath(ReportArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var folder = Path.GetDirectoryName(Path.GetFullPath(artifact.LocalPath)) ?? ".";
        return Path.Combine(folder, $"jira-ticket-{RunNaming.RunLabel(artifact.Run)}.json");
    }

    /// <summary>The label of the week's issue: <c>compliance-report-2026-W48</c>, whatever triggered the run.</summary>
    public static string WeekLabel(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return TicketContentBuilder.RunLabelFor(run.IsoWeek);
    }

    /// <summary>
    /// The run's own mark: a label on the issue it created and a line in the comment it added, so a
    /// resumed run can tell its own effects from other runs' of the same week.
    /// </summary>
    public static string RunMarker(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return TicketContentBuilder.RunLabelFor(run.RunId).Replace("compliance-report-", "compliance-run-", StringComparison.Ordinal);
    }

    public async Task<DeliveryResult> DeliverAsync(ReportArtifact artifact, IReadOnlyList<DeliveryResult> earlier, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(journal);
        var s3 = earlier.LastOrDefault(r => r.Sink == S3ReportSink.SinkName);
        var size = File.Exists(artifact.LocalPath) ? new FileInfo(artifact.LocalPath).Length : -1;
        var attach = size >= 0 && _options.AttachmentMaxBytes > 0 && size <= _options.AttachmentMaxBytes;

        TicketContent content;
        try
        {
            content = TicketContentBuilder.Build(artifact, s3, AttachmentNote(artifact, size, attach));
        }
        catch (ArgumentException ex)
        {
            return Fail(artifact, ex.Message);
        }

        if (_options.Routing.Enabled)
        {
            var (routed, unmapped) = JiraRouter.Split(_options, artifact.Summary);
            var description = content.Description.ToList();
            description.InsertRange(Math.Max(0, description.Count - 1), RoutingContent.WeekSection(routed, unmapped, _options.Routing.IsSubTaskMode));
            content = content with { Description = description };
        }

        if (!attach && size >= 0)
        {
            JiraLog.AttachmentSkipped(_logger, artifact.Run.RunId, size, _options.AttachmentMaxBytes);
        }

        return _options.DryRun
            ? await WriteDryRunAsync(artifact, content, attach, cancellationToken).ConfigureAwait(false)
            : await SendAsync(artifact, content, attach, journal, cancellationToken).ConfigureAwait(false);
    }

    private string AttachmentNote(ReportArtifact artifact, long size, bool attach)
    {
        var fileName = RunNaming.WorkbookFileName(artifact.Run);
        if (attach)
        {
            return $"Attached to this issue as {fileName}.";
        }

        if (size < 0)
        {
            return "Not attached: the workbook file was not found.";
        }

        return _options.AttachmentMaxBytes == 0
            ? "Not attached (Jira:AttachmentMaxBytes is 0); use the S3 link."
            : string.Create(CultureInfo.InvariantCulture, $"Not attached: {size:N0} bytes is over the {_options.AttachmentMaxBytes:N0}-byte limit (Jira:AttachmentMaxBytes); use the S3 link.");
    }

    private async Task<DeliveryResult> SendAsync(ReportArtifact artifact, TicketContent content, bool attach, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        var client = new JiraClient(_http, _options, _time);
        var run = artifact.Run;
        var marker = RunMarker(run);
        var issueKey = journal.Get(IssueEntry);
        try
        {
            if (issueKey is null)
            {
                var (key, created) = await FindOrCreateAsync(client, WeekLabel(run), marker, content, journal, cancellationToken).ConfigureAwait(false);
                await journal.SetAsync(CreatedEntry, created ? "true" : "false", cancellationToken).ConfigureAwait(false);
                await journal.SetAsync(IssueEntry, key, cancellationToken).ConfigureAwait(false);
                issueKey = key;
                if (created)
                {
                    JiraLog.IssueCreated(_logger, run.RunId, key);
                }
            }

            if (journal.Get(CreatedEntry) != "true" && journal.Get(CommentedEntry) is null)
            {
                var key = issueKey;
                if (!await AlreadyDoneAsync(journal, CommentIntentEntry, () => client.HasCommentContainingAsync(key, marker, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    await journal.SetAsync(CommentIntentEntry, Now(), cancellationToken).ConfigureAwait(false);
                    var comment = JiraPayloads.CommentBody(_options.ApiVersion, [.. TicketContentBuilder.Comment(content, _time.GetUtcNow()), MarkerBlock(run, marker)]);
                    await client.AddCommentAsync(key, comment, cancellationToken).ConfigureAwait(false);
                    JiraLog.IssueCommented(_logger, run.RunId, key);
                }
                else
                {
                    JiraLog.AlreadyDone(_logger, run.RunId, key, "comment");
                }

                await journal.SetAsync(CommentedEntry, "true", cancellationToken).ConfigureAwait(false);
            }

            if (attach && journal.Get(AttachedEntry) is null)
            {
                var key = issueKey;
                var fileName = RunNaming.WorkbookFileName(run);
                if (!await AlreadyDoneAsync(journal, AttachIntentEntry, async () => (await client.AttachmentNamesAsync(key, cancellationToken).ConfigureAwait(false)).Contains(fileName, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false))
                {
                    await journal.SetAsync(AttachIntentEntry, Now(), cancellationToken).ConfigureAwait(false);
                    await client.AttachAsync(key, artifact.LocalPath, fileName, cancellationToken).ConfigureAwait(false);
                    JiraLog.WorkbookAttached(_logger, run.RunId, new FileInfo(artifact.LocalPath).Length, key);
                }
                else
                {
                    JiraLog.AlreadyDone(_logger, run.RunId, key, "attachment " + fileName);
                }

                await journal.SetAsync(AttachedEntry, "true", cancellationToken).ConfigureAwait(false);
            }

            if (_options.Routing.Enabled)
            {
                await new JiraRouter(_options, client, _memory, _effects, _logger).RouteAsync(artifact, issueKey, journal, cancellationToken).ConfigureAwait(false);
            }

            return new DeliveryResult(SinkName, true, issueKey, client.BrowseUri(issueKey).ToString(), null);
        }
        catch (JiraRequestException ex)
        {
            // The issue may exist while a later step (comment, attachment) failed: keep its key.
            var error = issueKey is null ? ex.Message : $"Issue {issueKey}: {ex.Message}";
            JiraLog.DeliveryFailed(_logger, run.RunId, error);
            return new DeliveryResult(SinkName, false, issueKey, issueKey is null ? null : client.BrowseUri(issueKey).ToString(), error);
        }
        catch (IOException ex)
        {
            return Fail(artifact, client.Redact($"Reading the workbook for the Jira attachment failed: {ex.Message}"), issueKey);
        }
    }

    /// <summary>The week's issue, found by its label (and the ids this process created), or a new one.</summary>
    /// <returns>The issue's key, and whether this run created it.</returns>
    private Task<(string Key, bool Created)> FindOrCreateAsync(JiraClient client, string weekLabel, string marker, TicketContent content, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        var body = JiraPayloads.CreateBody(_options, content, [weekLabel, marker]);
        return _effects.FindOrCreateAsync(
            client,
            () => client.FindIssueAsync(weekLabel, _memory.Recall(weekLabel), cancellationToken),
            async () =>
            {
                var (key, id) = await client.CreateIssueAsync(body, cancellationToken).ConfigureAwait(false);
                if (id is { } issueId)
                {
                    _memory.Remember(weekLabel, issueId);
                }

                return key;
            },
            marker,
            CreateIntentEntry,
            journal,
            cancellationToken);
    }

    private Task<bool> AlreadyDoneAsync(IDeliveryJournal journal, string intentEntry, Func<Task<bool>> visible, CancellationToken cancellationToken) =>
        _effects.AlreadyDoneAsync(journal, intentEntry, visible, cancellationToken);

    private string Now() => _effects.Now();

    /// <summary>The comment's last line, naming the run and its marker.</summary>
    internal static ParagraphBlock MarkerBlock(RunInfo run, string marker) =>
        new(new TicketInline($"Run {TicketContentBuilder.Clean(run.RunId, 80)} · "), new TicketInline(marker, Code: true));

    private async Task<DeliveryResult> WriteDryRunAsync(ReportArtifact artifact, TicketContent content, bool attach, CancellationToken cancellationToken)
    {
        var version = _options.ApiVersion;
        var requests = new JsonArray
        {
            DryRunRequest(JiraPayloads.SearchPath(version), JiraPayloads.SearchBody(_options.ProjectKey, WeekLabel(artifact.Run))),
            DryRunRequest(JiraPayloads.IssuePath(version), JiraPayloads.CreateBody(_options, content, [WeekLabel(artifact.Run), RunMarker(artifact.Run)])),
        };
        if (attach)
        {
            var attachment = DryRunRequest(JiraPayloads.AttachmentsPath(version, "{issueKey}"), body: null);
            attachment["headers"] = new JsonObject { ["X-Atlassian-Token"] = "no-check" };
            attachment["multipart"] = new JsonObject
            {
                ["name"] = "file",
                ["fileName"] = RunNaming.WorkbookFileName(artifact.Run),
                ["contentType"] = S3ReportSink.WorkbookContentType,
                ["bytes"] = new FileInfo(artifact.LocalPath).Length,
            };
            requests.Add(attachment);
        }

        var document = new JsonObject
        {
            ["dryRun"] = true,
            ["note"] = "Jira:DryRun is true: these requests were not sent. Without it the search runs first and, when the week's issue exists, a comment is added instead of creating one.",
            ["apiVersion"] = version,
            ["auth"] = version == JiraOptions.CloudApiVersion ? "Basic (Jira:Email + Jira:ApiToken)" : "Bearer (Jira:ApiToken)",
            ["requests"] = requests,
        };
        if (_options.Routing.Enabled)
        {
            document["routing"] = DryRunRouting(artifact);
        }

        var path = DryRunPath(artifact);
        try
        {
            await File.WriteAllTextAsync(path, document.ToJsonString(DryRunJson), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(artifact, $"Writing the Jira dry-run file {path} failed: {ex.Message}");
        }

        JiraLog.DryRunWritten(_logger, artifact.Run.RunId, path);
        return new DeliveryResult(SinkName, true, path, null, null);
    }

    /// <summary>The owners' items a live delivery would find or create, and the owners that would stay on the week's issue.</summary>
    private JsonObject DryRunRouting(ReportArtifact artifact)
    {
        var (routed, unmapped) = JiraRouter.Split(_options, artifact.Summary);
        var mapping = new Dictionary<string, JiraRoutingOwner>(_options.Routing.Owners, StringComparer.OrdinalIgnoreCase);
        return new JsonObject
        {
            ["mode"] = _options.Routing.IsSubTaskMode ? JiraRoutingOptions.SubTaskMode : JiraRoutingOptions.LinkedIssueMode,
            ["note"] = "Each owner's item is searched by its two labels and created when missing, with the owner's CSV attached; last week's items whose findings are all resolved are commented on and moved through Jira:Routing:ResolvedTransition unless changed by hand.",
            ["items"] = new JsonArray([.. routed.Select(o => (JsonNode)new JsonObject
            {
                ["owner"] = o.Owner,
                ["labels"] = new JsonArray(OwnerLabels.Owner(o.Owner), OwnerLabels.Week(artifact.Run.IsoWeek)),
                ["assignee"] = mapping[o.Owner].Assignee(_options.ApiVersion),
                ["component"] = string.IsNullOrWhiteSpace(mapping[o.Owner].Component) ? null : mapping[o.Owner].Component.Trim(),
                ["nonCompliant"] = o.BySeverity.Total,
            })]),
            ["notRouted"] = new JsonArray([.. unmapped.Select(o => (JsonNode)JsonValue.Create(o.Owner))]),
        };
    }

    private JsonObject DryRunRequest(string path, JsonObject? body)
    {
        var request = new JsonObject
        {
            ["method"] = "POST",
            ["path"] = "/" + path,
        };
        if (!string.IsNullOrWhiteSpace(_options.BaseUrl))
        {
            request["url"] = new Uri(JiraClient.BaseUri(_options.BaseUrl), path).ToString();
        }

        if (body is not null)
        {
            request["body"] = body;
        }

        return request;
    }

    private DeliveryResult Fail(ReportArtifact artifact, string error, string? issueKey = null)
    {
        JiraLog.DeliveryFailed(_logger, artifact.Run.RunId, error);
        return new DeliveryResult(SinkName, false, issueKey, null, error);
    }
}
