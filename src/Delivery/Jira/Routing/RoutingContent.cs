using System.Globalization;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Delivery.Jira.Content;

namespace ComplianceReport.Delivery.Jira.Routing;

/// <summary>What owners' items and the lifecycle comments say; AWS strings are cleaned as in the week's ticket.</summary>
internal static class RoutingContent
{
    private const int OwnerCap = 128;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The owner's item of the run's week.</summary>
    /// <param name="attachmentNote">Whether (or why not) the CSV of the owner's findings is attached.</param>
    public static TicketContent OwnerItem(RunInfo run, OwnerFindings owner, string weekIssueKey, Uri weekIssueLink, string attachmentNote)
    {
        var label = RunNaming.RunLabel(run);
        var name = TicketContentBuilder.Clean(owner.Owner, OwnerCap);
        var total = owner.Counts.Total;
        var summary = TicketContentBuilder.Clean(
            string.Create(Invariant, $"AWS Config compliance {label} for {name}: {total:N0} non-compliant {TicketContentBuilder.Plural(total, "resource", "resources")}"),
            250);
        var c = owner.Counts;
        var blocks = new List<TicketBlock>
        {
            new ParagraphBlock(
                new TicketInline("Findings owned by "),
                new TicketInline(name, Strong: true),
                new TicketInline(" in the week's report "),
                new TicketInline(weekIssueKey, Href: weekIssueLink.ToString()),
                new TicketInline(". Fix them, or record an accepted risk in the exceptions file.")),
            new HeadingBlock("Counts"),
            new BulletListBlock(
            [
                [new TicketInline(string.Create(Invariant, $"Non-compliant resources: {total:N0} (after accepted risk)."))],
                [new TicketInline(string.Create(Invariant, $"By severity: {c.Critical:N0} critical, {c.High:N0} high, {c.Medium:N0} medium, {c.Low:N0} low, {c.Unrated:N0} unrated."))],
                [new TicketInline(string.Create(Invariant, $"New since the previous scheduled run: {owner.New:N0}; still open from before: {owner.Carried:N0}."))],
            ]),
        };
        if (owner.Top.Count > 0)
        {
            blocks.Add(new HeadingBlock(string.Create(Invariant, $"Top {owner.Top.Count} resources")));
            blocks.Add(new BulletListBlock(owner.Top
                .Select(f => (IReadOnlyList<TicketInline>)[new TicketInline(f.Severity.ToString(), Strong: true), new TicketInline(": "), .. TicketContentBuilder.FindingLine(f)])
                .ToList()));
        }

        blocks.Add(new HeadingBlock("All findings"));
        blocks.Add(new ParagraphBlock(new TicketInline(attachmentNote)));
        blocks.Add(new ParagraphBlock(new TicketInline(string.Create(Invariant, $"Run {TicketContentBuilder.Clean(run.RunId, 64)} ({run.Trigger}), week {run.IsoWeek}."))));
        return new TicketContent(summary, blocks, [TicketContentBuilder.ProductLabel], label);
    }

    /// <summary>The week's issue's section on routing: who has an item, and who stays here for want of a mapping.</summary>
    public static IReadOnlyList<TicketBlock> WeekSection(IReadOnlyList<OwnerStanding> routed, IReadOnlyList<OwnerStanding> unmapped, bool subTasks)
    {
        var blocks = new List<TicketBlock> { new HeadingBlock("Routing to owners") };
        blocks.Add(new ParagraphBlock(new TicketInline(routed.Count == 0
            ? "No owner with findings has a Jira:Routing:Owners entry: every finding stays on this issue."
            : string.Create(Invariant, $"{routed.Count:N0} {TicketContentBuilder.Plural(routed.Count, "owner has its", "owners have their")} own {(subTasks ? "sub-task" : "linked issue")} with counts, top resources and a CSV: ") + string.Join(", ", routed.Select(o => TicketContentBuilder.Clean(o.Owner, OwnerCap))) + ".")));
        if (unmapped.Count > 0)
        {
            blocks.Add(new ParagraphBlock(new TicketInline("Not routed (no Jira:Routing:Owners entry), so followed up on this issue:", Strong: true)));
            blocks.Add(new BulletListBlock(unmapped
                .Select(o => (IReadOnlyList<TicketInline>)
                [
                    new TicketInline(TicketContentBuilder.Clean(o.Owner, OwnerCap), Strong: true),
                    new TicketInline(string.Create(Invariant, $": {o.BySeverity.Total:N0} ({o.BySeverity.Critical:N0} critical, {o.BySeverity.High:N0} high, {o.BySeverity.Medium:N0} medium, {o.BySeverity.Low:N0} low, {o.BySeverity.Unrated:N0} unrated).")),
                ])
                .ToList()));
        }

        return blocks;
    }

    /// <summary>The comment on last week's item of an owner whose findings from then are all resolved.</summary>
    /// <param name="outcome">What was done with the item's status, for people.</param>
    public static IReadOnlyList<TicketBlock> Resolved(string owner, string previousWeek, RunInfo run, string weekIssueKey, string outcome, string marker) =>
    [
        new ParagraphBlock(
            new TicketInline(string.Create(Invariant, $"All findings of {TicketContentBuilder.Clean(owner, OwnerCap)} from {previousWeek} are resolved in the report of {run.IsoWeek} (")),
            new TicketInline(weekIssueKey),
            new TicketInline("). "),
            new TicketInline(outcome)),
        new ParagraphBlock(new TicketInline(string.Create(Invariant, $"Run {TicketContentBuilder.Clean(run.RunId, 64)} · ")), new TicketInline(marker, Code: true)),
    ];
}
