using System.Globalization;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.Jira.Content;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.Delivery.Jira.Routing;

/// <summary>
/// Under the week's issue: one item per mapped owner with findings (a sub-task, or a linked issue),
/// found again by its labels; the week's issue linked to last week's; last week's items whose
/// findings are all resolved commented on and, unless a person changed them, moved through
/// <c>Jira:Routing:ResolvedTransition</c>. Every effect follows the week issue's exactly-once rules
/// (<see cref="JiraEffects"/>) with its own journal entries, so a run resumed on another silo
/// neither repeats nor loses one.
/// </summary>
internal sealed class JiraRouter(JiraOptions options, JiraClient client, JiraIssueMemory memory, JiraEffects effects, ILogger logger)
{
    private const string Prefix = "jira.route.";
    private const string CsvContentType = "text/csv";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private bool SubTasks => options.Routing.IsSubTaskMode;

    /// <summary>Owners with findings that have a mapping, and those that stay on the week's issue.</summary>
    public static (IReadOnlyList<OwnerStanding> Routed, IReadOnlyList<OwnerStanding> Unmapped) Split(JiraOptions options, ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(summary);
        var mapping = Mapping(options);
        var withFindings = summary.OwnerList.Where(o => o.BySeverity.Total > 0).ToList();
        return (withFindings.Where(o => mapping.ContainsKey(o.Owner)).ToList(), withFindings.Where(o => !mapping.ContainsKey(o.Owner)).ToList());
    }

    /// <summary>The week before an ISO week label: <c>2026-W49</c> gives <c>2026-W48</c>, <c>2027-W01</c> gives <c>2026-W53</c>.</summary>
    public static string WeekBefore(string isoWeek)
    {
        ArgumentNullException.ThrowIfNull(isoWeek);
        var year = IsoWeek.YearOf(isoWeek);
        var week = int.Parse(isoWeek.AsSpan(6, 2), Invariant);
        return IsoWeek.Of(new DateTimeOffset(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday).AddDays(-7), TimeSpan.Zero));
    }

    public async Task RouteAsync(ReportArtifact artifact, string weekIssueKey, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        var run = artifact.Run;
        var previousWeek = WeekBefore(run.IsoWeek);
        await LinkWeeksAsync(run, weekIssueKey, previousWeek, journal, cancellationToken).ConfigureAwait(false);

        var mapping = Mapping(options);
        var (routed, unmapped) = Split(options, artifact.Summary);
        if (unmapped.Count > 0)
        {
            JiraLog.OwnersNotRouted(logger, run.RunId, unmapped.Count, weekIssueKey);
        }

        // This delivery's own folder: the CSVs are written again on every attempt, on whichever silo.
        var directory = Path.Combine(Path.GetTempPath(), "jira-routing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var routedNames = routed.Select(o => o.Owner).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var owners = await OwnerFindingsCollector.CollectAsync(artifact, routedNames, directory, cancellationToken).ConfigureAwait(false);
            foreach (var standing in routed)
            {
                var findings = owners.TryGetValue(standing.Owner, out var found) ? found : new OwnerFindings(standing.Owner, standing.BySeverity);
                await RouteOwnerAsync(run, findings, mapping[standing.Owner], weekIssueKey, journal, cancellationToken).ConfigureAwait(false);
            }

            await SettlePreviousWeekAsync(run, previousWeek, owners, weekIssueKey, journal, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    private static Dictionary<string, JiraRoutingOwner> Mapping(JiraOptions options) =>
        new(options.Routing.Owners ?? [], StringComparer.OrdinalIgnoreCase);

    /// <summary>Links the week's issue to last week's, once per week whatever the run.</summary>
    private async Task LinkWeeksAsync(RunInfo run, string weekIssueKey, string previousWeek, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        const string done = Prefix + "week-link";
        if (journal.Get(done) is not null)
        {
            return;
        }

        var previous = await client.FindIssueAsync(TicketContentBuilder.RunLabelFor(previousWeek), null, cancellationToken).ConfigureAwait(false);
        if (previous is not { } last || last.Key == weekIssueKey)
        {
            await journal.SetAsync(done, "none", cancellationToken).ConfigureAwait(false);
            return;
        }

        var made = await effects.OnceAsync(
            journal,
            done,
            Prefix + "week-link-intent",
            () => IsLinkedAsync(weekIssueKey, last.Key, cancellationToken),
            () => client.LinkAsync(options.Routing.LinkType, weekIssueKey, last.Key, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (made)
        {
            JiraLog.WeeksLinked(logger, run.RunId, weekIssueKey, last.Key);
        }
    }

    private async Task RouteOwnerAsync(RunInfo run, OwnerFindings owner, JiraRoutingOwner entry, string weekIssueKey, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        var slug = OwnerLabels.Slug(owner.Owner);
        var entries = Prefix + slug + ".";
        var ownerLabel = OwnerLabels.Owner(owner.Owner);
        var weekLabel = OwnerLabels.Week(run.IsoWeek);
        var remembered = ownerLabel + " " + weekLabel;
        var marker = JiraReportSink.RunMarker(run);
        var assignee = entry.Assignee(options.ApiVersion);
        var csvName = $"compliance-findings-{slug}-{RunNaming.RunLabel(run)}.csv";
        var csvSize = owner.CsvPath is { } csv && File.Exists(csv) ? new FileInfo(csv).Length : -1;
        var attach = csvSize >= 0 && options.AttachmentMaxBytes > 0 && csvSize <= options.AttachmentMaxBytes;
        var note = attach
            ? string.Create(Invariant, $"Attached as {csvName}: {owner.Counts.Total:N0} findings, one per row, worst first within each account.")
            : csvSize < 0
                ? "No CSV: the run's findings could not be read for this delivery; the workbook on the week's issue lists them (filter the Owner column)."
                : string.Create(Invariant, $"Not attached: the CSV is {csvSize:N0} bytes, over Jira:AttachmentMaxBytes; the workbook lists them (filter the Owner column).");
        var content = RoutingContent.OwnerItem(run, owner, weekIssueKey, client.BrowseUri(weekIssueKey), note);

        var key = journal.Get(entries + "key");
        if (key is null)
        {
            var body = JiraPayloads.OwnerItemBody(options, content, [ownerLabel, weekLabel, marker], SubTasks ? weekIssueKey : null, assignee, entry.Component);
            var jql = JiraPayloads.LabelsJql(options.ProjectKey, ownerLabel, weekLabel);
            var (found, created) = await effects.FindOrCreateAsync(
                client,
                async () => (await client.SearchAsync(jql, memory.Recall(remembered), cancellationToken).ConfigureAwait(false)).FirstOrDefault() is { } item ? (item.Key, item.Labels) : null,
                async () =>
                {
                    var (newKey, id) = await client.CreateIssueAsync(body, cancellationToken).ConfigureAwait(false);
                    if (id is { } issueId)
                    {
                        memory.Remember(remembered, issueId);
                    }

                    return newKey;
                },
                marker,
                entries + "create-intent",
                journal,
                cancellationToken).ConfigureAwait(false);
            await journal.SetAsync(entries + "created", created ? "true" : "false", cancellationToken).ConfigureAwait(false);
            await journal.SetAsync(entries + "key", found, cancellationToken).ConfigureAwait(false);
            key = found;
            if (created)
            {
                JiraLog.OwnerItemCreated(logger, run.RunId, key, owner.Owner);
            }
        }

        var itemKey = key;
        if (!SubTasks)
        {
            await effects.OnceAsync(
                journal,
                entries + "linked",
                entries + "link-intent",
                () => IsLinkedAsync(itemKey, weekIssueKey, cancellationToken),
                () => client.LinkAsync(options.Routing.LinkType, weekIssueKey, itemKey, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }

        if (journal.Get(entries + "created") != "true")
        {
            var comment = JiraPayloads.CommentBody(options.ApiVersion, [.. TicketContentBuilder.Comment(content, effects.UtcNow), JiraReportSink.MarkerBlock(run, marker)]);
            var made = await effects.OnceAsync(
                journal,
                entries + "commented",
                entries + "comment-intent",
                () => client.HasCommentContainingAsync(itemKey, marker, cancellationToken),
                () => client.AddCommentAsync(itemKey, comment, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (made)
            {
                JiraLog.OwnerItemCommented(logger, run.RunId, itemKey, owner.Owner);
            }
        }

        if (journal.Get(entries + "stamped") is null)
        {
            // What the report left, for next week to tell a person's change from its own. Read back
            // rather than taken from the mapping: a project's default assignee applies to an entry without one.
            var view = await client.GetIssueAsync(itemKey, "status,assignee", withStamp: true, cancellationToken).ConfigureAwait(false);
            if (view.Stamp is null)
            {
                await client.SetStampAsync(itemKey, new RoutingStamp(view.Assignee, view.StatusId), cancellationToken).ConfigureAwait(false);
            }

            await journal.SetAsync(entries + "stamped", "true", cancellationToken).ConfigureAwait(false);
        }

        if (attach)
        {
            var path = owner.CsvPath!;
            await effects.OnceAsync(
                journal,
                entries + "attached",
                entries + "attach-intent",
                async () => (await client.AttachmentNamesAsync(itemKey, cancellationToken).ConfigureAwait(false)).Contains(csvName, StringComparer.Ordinal),
                () => client.AttachAsync(itemKey, path, csvName, cancellationToken, CsvContentType),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Last week's items of owners whose findings from then are all resolved: a comment, and the transition unless a person changed the item.</summary>
    private async Task SettlePreviousWeekAsync(RunInfo run, string previousWeek, Dictionary<string, OwnerFindings> owners, string weekIssueKey, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        const string done = Prefix + "previous";
        if (journal.Get(done) is not null)
        {
            return;
        }

        var bySlug = new Dictionary<string, OwnerFindings>(StringComparer.Ordinal);
        foreach (var owner in owners.Values)
        {
            bySlug.TryAdd(OwnerLabels.Slug(owner.Owner), owner);
        }

        // Per week, not per run: a later run of the week finds this mark and leaves the item alone.
        var marker = "compliance-resolved-" + OwnerLabels.Slug(run.IsoWeek).ToUpperInvariant();
        var items = await client.SearchAsync(JiraPayloads.LabelsJql(options.ProjectKey, OwnerLabels.Week(previousWeek)), null, cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            var ownerLabel = item.Labels.FirstOrDefault(l => l.StartsWith(OwnerLabels.OwnerPrefix, StringComparison.Ordinal));
            if (ownerLabel is null || (bySlug.TryGetValue(ownerLabel[OwnerLabels.OwnerPrefix.Length..], out var current) && current.Carried > 0))
            {
                continue;
            }

            var entries = Prefix + "previous." + item.Key + ".";
            if (journal.Get(entries + "done") is not null)
            {
                continue;
            }

            var itemKey = item.Key;
            Task<bool> Commented() => client.HasCommentContainingAsync(itemKey, marker, cancellationToken);
            if (await Commented().ConfigureAwait(false) || await effects.AlreadyDoneAsync(journal, entries + "comment-intent", Commented, cancellationToken).ConfigureAwait(false))
            {
                await journal.SetAsync(entries + "done", "true", cancellationToken).ConfigureAwait(false);
                continue;
            }

            var outcome = await SettleStatusAsync(run, itemKey, entries, journal, cancellationToken).ConfigureAwait(false);
            var ownerName = current?.Owner ?? ownerLabel[OwnerLabels.OwnerPrefix.Length..];
            await journal.SetAsync(entries + "comment-intent", effects.Now(), cancellationToken).ConfigureAwait(false);
            await client.AddCommentAsync(itemKey, JiraPayloads.CommentBody(options.ApiVersion, RoutingContent.Resolved(ownerName, previousWeek, run, weekIssueKey, outcome, marker)), cancellationToken).ConfigureAwait(false);
            await journal.SetAsync(entries + "done", "true", cancellationToken).ConfigureAwait(false);
            JiraLog.PreviousItemResolved(logger, run.RunId, itemKey, outcome);
        }

        await journal.SetAsync(done, "true", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the item through the resolved transition when it is as the report left it; says what was done.</summary>
    private async Task<string> SettleStatusAsync(RunInfo run, string itemKey, string entries, IDeliveryJournal journal, CancellationToken cancellationToken)
    {
        var view = await client.GetIssueAsync(itemKey, "status,assignee", withStamp: true, cancellationToken).ConfigureAwait(false);
        var stamp = view.Stamp;
        var name = options.Routing.ResolvedTransition?.Trim() ?? string.Empty;

        // An earlier attempt of this run sent the transition: wait for it rather than send another.
        if (journal.Get(entries + "transition-from") is { } from && stamp is not null)
        {
            var landed = stamp.StatusId != from
                || await effects.AlreadyDoneAsync(journal, entries + "transition-intent", async () => (view = await client.GetIssueAsync(itemKey, "status,assignee", withStamp: true, cancellationToken).ConfigureAwait(false)).StatusId != from, cancellationToken).ConfigureAwait(false);
            if (landed)
            {
                await client.SetStampAsync(itemKey, stamp with { StatusId = view.StatusId }, cancellationToken).ConfigureAwait(false);
                return $"Moved to {view.StatusName} through the transition {name} (Jira:Routing:ResolvedTransition).";
            }
        }

        if (stamp is null || stamp.StatusId != view.StatusId || !string.Equals(stamp.Assignee, view.Assignee, StringComparison.Ordinal))
        {
            return "Left as it is: its status or assignee was changed by hand after the report set them. Close it when you agree.";
        }

        if (name.Length == 0)
        {
            return "Close it when you agree (the report moves such items only when Jira:Routing:ResolvedTransition is set).";
        }

        var transitions = await client.TransitionsAsync(itemKey, cancellationToken).ConfigureAwait(false);
        var transition = transitions.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.To, name, StringComparison.OrdinalIgnoreCase));
        if (transition.Id is null)
        {
            JiraLog.TransitionMissing(logger, run.RunId, itemKey, name);
            return $"Not moved: its workflow offers no transition named {name} from {view.StatusName} (Jira:Routing:ResolvedTransition). Close it when you agree.";
        }

        await journal.SetAsync(entries + "transition-from", view.StatusId ?? string.Empty, cancellationToken).ConfigureAwait(false);
        await journal.SetAsync(entries + "transition-intent", effects.Now(), cancellationToken).ConfigureAwait(false);
        await client.TransitionAsync(itemKey, transition.Id, cancellationToken).ConfigureAwait(false);
        var after = await client.GetIssueAsync(itemKey, "status", withStamp: false, cancellationToken).ConfigureAwait(false);
        await client.SetStampAsync(itemKey, stamp with { StatusId = after.StatusId }, cancellationToken).ConfigureAwait(false);
        return $"Moved to {after.StatusName ?? transition.To} through the transition {transition.Name} (Jira:Routing:ResolvedTransition).";
    }

    private async Task<bool> IsLinkedAsync(string issueKey, string otherKey, CancellationToken cancellationToken) =>
        (await client.GetIssueAsync(issueKey, "issuelinks", withStamp: false, cancellationToken).ConfigureAwait(false)).LinkedKeys.Contains(otherKey, StringComparer.Ordinal);
}
