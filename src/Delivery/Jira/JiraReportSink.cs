using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.Jira.Content;
using ComplianceReport.Delivery.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Jira;

/// <summary>
/// Opens one Jira issue per run (found again by its run label, so a re-run comments instead of
/// creating a duplicate), links the S3 workbook and attaches it when small enough. With
/// <c>Jira:DryRun</c> it writes the requests to <c>jira-ticket-&lt;run&gt;.json</c> next to the workbook.
/// Registered only when <c>Jira:BaseUrl</c> is set or <c>Jira:DryRun</c> is true.
/// </summary>
public sealed class JiraReportSink : IReportSink
{
    public const string SinkName = "jira";

    // The file is read by people, not embedded in HTML: keep quotes and '+' unescaped.
    private static readonly JsonSerializerOptions DryRunJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly JiraOptions _options;
    private readonly JiraIssueMemory _memory;
    private readonly TimeProvider _time;
    private readonly ILogger<JiraReportSink> _logger;

    public JiraReportSink(HttpClient http, IOptions<JiraOptions> options, JiraIssueMemory memory, TimeProvider time, ILogger<JiraReportSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _memory = memory;
        _time = time;
        _logger = logger;
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

    public async Task<DeliveryResult> DeliverAsync(ReportArtifact artifact, IReadOnlyList<DeliveryResult> earlier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(earlier);
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

        if (!attach && size >= 0)
        {
            JiraLog.AttachmentSkipped(_logger, artifact.Run.RunId, size, _options.AttachmentMaxBytes);
        }

        return _options.DryRun
            ? await WriteDryRunAsync(artifact, content, attach, cancellationToken).ConfigureAwait(false)
            : await SendAsync(artifact, content, attach, cancellationToken).ConfigureAwait(false);
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

    private async Task<DeliveryResult> SendAsync(ReportArtifact artifact, TicketContent content, bool attach, CancellationToken cancellationToken)
    {
        var client = new JiraClient(_http, _options, _time, _logger);
        var tag = content.Labels[^1];
        string? issueKey = null;
        try
        {
            var (key, created) = await FindOrCreateAsync(client, tag, content, cancellationToken).ConfigureAwait(false);
            issueKey = key;
            if (created)
            {
                JiraLog.IssueCreated(_logger, artifact.Run.RunId, key);
            }
            else
            {
                var comment = JiraPayloads.CommentBody(_options.ApiVersion, TicketContentBuilder.Comment(content, _time.GetUtcNow()));
                await client.AddCommentAsync(key, comment, cancellationToken).ConfigureAwait(false);
                JiraLog.IssueCommented(_logger, artifact.Run.RunId, key);
            }

            if (attach)
            {
                await client.AttachAsync(key, artifact.LocalPath, RunNaming.WorkbookFileName(artifact.Run), cancellationToken).ConfigureAwait(false);
                JiraLog.WorkbookAttached(_logger, artifact.Run.RunId, new FileInfo(artifact.LocalPath).Length, key);
            }

            return new DeliveryResult(SinkName, true, key, client.BrowseUri(key).ToString(), null);
        }
        catch (JiraRequestException ex)
        {
            // The issue may exist while a later step (comment, attachment) failed: keep its key.
            var error = issueKey is null ? ex.Message : $"Issue {issueKey}: {ex.Message}";
            JiraLog.DeliveryFailed(_logger, artifact.Run.RunId, error);
            return new DeliveryResult(SinkName, false, issueKey, issueKey is null ? null : client.BrowseUri(issueKey).ToString(), error);
        }
        catch (IOException ex)
        {
            return Fail(artifact, client.Redact($"Reading the workbook for the Jira attachment failed: {ex.Message}"), issueKey);
        }
    }

    /// <summary>
    /// Search, then create. When a create fails transiently Jira may still have made the issue, so
    /// each further try searches first: the run never gets two issues.
    /// </summary>
    private async Task<(string Key, bool Created)> FindOrCreateAsync(JiraClient client, string tag, TicketContent content, CancellationToken cancellationToken)
    {
        var body = JiraPayloads.CreateBody(_options, content);
        var createFailed = false;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await client.FindIssueAsync(tag, _memory.Recall(tag), cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                // Found right after our own failed create: that create went through.
                return (existing, createFailed);
            }

            try
            {
                var (key, id) = await client.CreateIssueAsync(body, cancellationToken).ConfigureAwait(false);
                if (id is { } issueId)
                {
                    _memory.Remember(tag, issueId);
                }

                return (key, true);
            }
            catch (JiraRequestException ex) when (ex.IsTransient && attempt < _options.MaxAttempts)
            {
                createFailed = true;
                await client.BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<DeliveryResult> WriteDryRunAsync(ReportArtifact artifact, TicketContent content, bool attach, CancellationToken cancellationToken)
    {
        var version = _options.ApiVersion;
        var requests = new JsonArray
        {
            DryRunRequest(JiraPayloads.SearchPath(version), JiraPayloads.SearchBody(_options.ProjectKey, content.Labels[^1])),
            DryRunRequest(JiraPayloads.IssuePath(version), JiraPayloads.CreateBody(_options, content)),
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
            ["note"] = "Jira:DryRun is true: these requests were not sent. Without it the search runs first and, when the run's issue exists, a comment is added instead of creating one.",
            ["apiVersion"] = version,
            ["auth"] = version == JiraOptions.CloudApiVersion ? "Basic (Jira:Email + Jira:ApiToken)" : "Bearer (Jira:ApiToken)",
            ["requests"] = requests,
        };

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
