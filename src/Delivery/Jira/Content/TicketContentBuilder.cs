using System.Globalization;
using System.Text;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Delivery.Jira.Content;

/// <summary>
/// Writes the ticket for a run: summary, description blocks and labels. AWS-controlled strings
/// (account, rule and resource names, annotations, error messages) are cleaned of control
/// characters and length-capped here; the renderers make them inert in each format.
/// </summary>
internal static class TicketContentBuilder
{
    public const string ProductLabel = "aws-config-compliance";

    private const int MaxListed = 10;
    private const int MaxExamples = 5;
    private const int MaxErrorsListed = 15;
    private const int NameCap = 80;
    private const int RuleCap = 128;
    private const int ResourceCap = 160;
    private const int MessageCap = 240;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="s3">The S3 sink's result, when there was one.</param>
    /// <param name="attachmentNote">Whether (or why not) the workbook is attached to the issue.</param>
    public static TicketContent Build(ReportArtifact artifact, DeliveryResult? s3, string attachmentNote)
    {
        var label = RunNaming.RunLabel(artifact.Run);
        var totals = artifact.Totals;
        var summary = string.Create(
            Invariant,
            $"AWS Config compliance {label}: {totals.NonCompliantResources:N0} non-compliant {Plural(totals.NonCompliantResources, "resource", "resources")} in {totals.AccountsWithFindings:N0} of {totals.Accounts:N0} accounts");

        var blocks = new List<TicketBlock>();
        AddTotals(blocks, artifact);
        AddWorkbook(blocks, s3, attachmentNote);
        AddWorstAccounts(blocks, artifact.WorstAccounts);
        AddWorstOwners(blocks, artifact.Summary.OwnerList);
        AddWorstRules(blocks, artifact.WorstRules);
        AddExpiringExceptions(blocks, artifact.Summary.ExceptionList);
        AddChanges(blocks, artifact, ChangeKind.New, "New findings", totals.NewFindings);
        AddChanges(blocks, artifact, ChangeKind.Resolved, "Resolved findings", totals.ResolvedFindings);
        AddErrors(blocks, artifact.Errors);
        AddRun(blocks, artifact.Run);

        return new TicketContent(summary, blocks, [ProductLabel, RunLabelFor(label)], label);
    }

    /// <summary>The comment added when the run's issue already exists: the new numbers after a lead line.</summary>
    public static IReadOnlyList<TicketBlock> Comment(TicketContent content, DateTimeOffset now)
    {
        var lead = new ParagraphBlock(
            new TicketInline(string.Create(Invariant, $"Report {content.RunLabel} was delivered again at {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC. ")),
            new TicketInline(content.Summary, Strong: true));
        return [lead, .. content.Description];
    }

    /// <summary>The label that names the run: <c>compliance-report-2026-W48</c> (Jira labels have no spaces).</summary>
    public static string RunLabelFor(string runLabel)
    {
        var builder = new StringBuilder("compliance-report-".Length + runLabel.Length);
        foreach (var c in "compliance-report-" + runLabel)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        return builder.Length <= 255 ? builder.ToString() : builder.ToString(0, 255);
    }

    /// <summary>Removes control characters (newlines would start new wiki blocks) and caps the length.</summary>
    public static string Clean(string? value, int cap)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(value.Length, cap + 1));
        foreach (var c in value)
        {
            if (builder.Length >= cap)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static void AddTotals(List<TicketBlock> blocks, ReportArtifact artifact)
    {
        var t = artifact.Totals;
        blocks.Add(new HeadingBlock("Totals"));
        blocks.Add(new BulletListBlock(
        [
            Line(string.Create(Invariant, $"Accounts: {t.Accounts:N0} in scope, {t.AccountsScanned:N0} scanned, {t.AccountsPartial:N0} partially scanned, {t.AccountsFailed:N0} failed, {t.AccountsSkipped:N0} skipped (suspended or closing).")),
            Line(string.Create(Invariant, $"Non-compliant resources: {t.NonCompliantResources:N0} in {t.AccountsWithFindings:N0} {Plural(t.AccountsWithFindings, "account", "accounts")}.")),
            Line(string.Create(Invariant, $"By severity: {t.Severities.Critical:N0} critical, {t.Severities.High:N0} high, {t.Severities.Medium:N0} medium, {t.Severities.Low:N0} low, {t.Severities.Unrated:N0} unrated.")),
            Line(t.AcceptedFindings == 0
                ? "Accepted risk: none excepted."
                : string.Create(Invariant, $"Accepted risk: {t.AcceptedFindings:N0} findings excepted; {Math.Max(t.RawNonCompliantResources, t.NonCompliantResources):N0} before exceptions.")),
            [new TicketInline("Compliance: "), new TicketInline(Trend(t.CompliancePercent, t.PreviousCompliancePercent), Strong: true)],
            Line(t.ComparedWithRunId is null
                ? "No previous scheduled run to compare with: no new or resolved findings."
                : string.Create(Invariant, $"Since the previous scheduled run ({t.ComparedWithRunId}): {t.NewFindings:N0} new and {t.ResolvedFindings:N0} resolved {Plural(t.ResolvedFindings, "finding", "findings")}.")),
        ]));
    }

    private static string Trend(double? current, double? previous)
    {
        if (current is null)
        {
            return "not measured (no rule was evaluated).";
        }

        var now = Percent(current.Value);
        if (previous is null)
        {
            return $"{now} (no previous scheduled run to compare).";
        }

        var delta = (current.Value - previous.Value) * 100;
        var direction = Math.Abs(delta) < 0.05 ? "unchanged" : delta > 0 ? "up" : "down";
        return string.Create(Invariant, $"{now} ({direction} {Math.Abs(delta):0.0} points from {Percent(previous.Value)} in the previous scheduled run).");
    }

    private static void AddWorkbook(List<TicketBlock> blocks, DeliveryResult? s3, string attachmentNote)
    {
        blocks.Add(new HeadingBlock("Workbook"));
        var items = new List<IReadOnlyList<TicketInline>>();
        if (s3 is { Succeeded: true, Location: not null })
        {
            items.Add([new TicketInline("S3: "), new TicketInline(s3.Location, Code: true)]);
            if (s3.Link is not null)
            {
                items.Add([new TicketInline("Download the workbook (presigned link, expires)", Href: s3.Link)]);
            }
        }
        else if (s3 is not null)
        {
            items.Add(Line("Not stored in S3: " + Clean(s3.Error, MessageCap)));
        }
        else
        {
            items.Add(Line("S3 delivery is not configured (Report:S3Bucket)."));
        }

        items.Add(Line(attachmentNote));
        blocks.Add(new BulletListBlock(items));
    }

    private static void AddWorstAccounts(List<TicketBlock> blocks, IReadOnlyList<AccountSummary> accounts)
    {
        var listed = accounts.Where(a => a.NonCompliantResources > 0).Take(MaxListed).ToList();
        if (listed.Count == 0)
        {
            return;
        }

        blocks.Add(new HeadingBlock("Least compliant accounts"));
        blocks.Add(new BulletListBlock(listed
            .Select(a => (IReadOnlyList<TicketInline>)
            [
                new TicketInline(AccountName(a.Account.Name, a.Account.AccountId), Strong: true),
                new TicketInline(string.Create(
                    Invariant,
                    $": {a.NonCompliantResources:N0} non-compliant {Plural(a.NonCompliantResources, "resource", "resources")}, {a.NonCompliantRules:N0} of {a.CompliantRules + a.NonCompliantRules:N0} rules non-compliant{(a.CompliancePercent is { } p ? $", {Percent(p)} compliant" : string.Empty)}.")),
            ])
            .ToList()));
    }

    private static void AddWorstOwners(List<TicketBlock> blocks, IReadOnlyList<OwnerStanding> owners)
    {
        var listed = owners.Where(o => o.BySeverity.Total > 0).Take(MaxListed).ToList();
        if (listed.Count == 0)
        {
            return;
        }

        blocks.Add(new HeadingBlock("Owners with the most severe findings"));
        blocks.Add(new BulletListBlock(listed
            .Select(o => (IReadOnlyList<TicketInline>)
            [
                new TicketInline(Clean(o.Owner, RuleCap), Strong: true),
                new TicketInline(string.Create(
                    Invariant,
                    $": {o.BySeverity.Critical:N0} critical, {o.BySeverity.High:N0} high, {o.BySeverity.Medium:N0} medium, {o.BySeverity.Low:N0} low ({o.BySeverity.Total:N0} in all, {o.Change:+0;-0;0} since the previous scheduled run).")),
            ])
            .ToList()));
    }

    private static void AddExpiringExceptions(List<TicketBlock> blocks, IReadOnlyList<ExceptionUsage> exceptions)
    {
        var listed = exceptions.Where(e => e.ExpiresSoon || (e.Expired && e.CountingAgain > 0)).Take(MaxListed).ToList();
        if (listed.Count == 0)
        {
            return;
        }

        blocks.Add(new HeadingBlock("Exceptions expiring soon or expired"));
        blocks.Add(new BulletListBlock(listed
            .Select(e => (IReadOnlyList<TicketInline>)
            [
                new TicketInline(Clean(e.Entry.Id, RuleCap), Code: true),
                new TicketInline(string.Create(
                    Invariant,
                    $" (owner {Clean(e.Entry.Owner, RuleCap)}): {(e.Expired ? "expired" : "expires")} {e.Entry.Expires:yyyy-MM-dd}; {(e.Expired ? $"{e.CountingAgain:N0} findings count again" : $"covers {e.Covered:N0} findings")}.")),
            ])
            .ToList()));
    }

    private static void AddWorstRules(List<TicketBlock> blocks, IReadOnlyList<RuleSummary> rules)
    {
        var listed = rules.Where(r => r.NonCompliantResources > 0).Take(MaxListed).ToList();
        if (listed.Count == 0)
        {
            return;
        }

        blocks.Add(new HeadingBlock("Rules with the most non-compliant resources"));
        blocks.Add(new BulletListBlock(listed
            .Select(r => (IReadOnlyList<TicketInline>)
            [
                new TicketInline(Clean(r.RuleName, RuleCap), Code: true),
                new TicketInline(string.Create(
                    Invariant,
                    $" ({r.Severity}): {r.NonCompliantResources:N0} {Plural(r.NonCompliantResources, "resource", "resources")} in {r.AccountsNonCompliant:N0} {Plural(r.AccountsNonCompliant, "account", "accounts")}.")),
            ])
            .ToList()));
    }

    private static void AddChanges(List<TicketBlock> blocks, ReportArtifact artifact, ChangeKind kind, string title, int total)
    {
        var examples = artifact.Changes.Where(c => c.Kind == kind).Take(MaxExamples).ToList();
        blocks.Add(new HeadingBlock(string.Create(Invariant, $"{title} ({total:N0})")));
        if (examples.Count == 0)
        {
            blocks.Add(new ParagraphBlock(new TicketInline("None.")));
            return;
        }

        var items = examples.Select(c => FindingLine(c.Finding)).ToList();
        if (total > examples.Count)
        {
            items.Add(Line(string.Create(Invariant, $"… and {total - examples.Count:N0} more on the Changes sheet.")));
        }

        blocks.Add(new BulletListBlock(items));
    }

    public static IReadOnlyList<TicketInline> FindingLine(Finding f)
    {
        var resource = Clean(f.ResourceType, NameCap) + " " + Clean(f.ResourceId, ResourceCap);
        if (!string.IsNullOrWhiteSpace(f.ResourceName) && f.ResourceName != f.ResourceId)
        {
            resource += " (" + Clean(f.ResourceName, NameCap) + ")";
        }

        var inlines = new List<TicketInline>
        {
            new(AccountName(f.AccountName, f.AccountId) + " " + Clean(f.Region, 32) + ": "),
            new(Clean(f.RuleName, RuleCap), Code: true),
            new(" on " + resource),
        };
        if (!string.IsNullOrWhiteSpace(f.Annotation))
        {
            inlines.Add(new TicketInline(" — " + Clean(f.Annotation, MessageCap)));
        }

        return inlines;
    }

    private static void AddErrors(List<TicketBlock> blocks, IReadOnlyList<ErrorEntry> errors)
    {
        blocks.Add(new HeadingBlock(string.Create(Invariant, $"Accounts or regions not scanned ({errors.Count:N0})")));
        if (errors.Count == 0)
        {
            blocks.Add(new ParagraphBlock(new TicketInline("None: every account in scope was read.")));
            return;
        }

        var items = errors
            .Take(MaxErrorsListed)
            .Select(e => Line(string.Create(
                Invariant,
                $"{AccountName(e.AccountName, e.AccountId)}{(e.Region is null ? string.Empty : " " + Clean(e.Region, 32))}: {e.Error.Kind}{(e.Error.Code is null ? string.Empty : " (" + Clean(e.Error.Code, 64) + ")")} — {Clean(e.Error.Message, MessageCap)}")))
            .ToList();
        if (errors.Count > MaxErrorsListed)
        {
            items.Add(Line(string.Create(Invariant, $"… and {errors.Count - MaxErrorsListed:N0} more on the Errors sheet.")));
        }

        blocks.Add(new BulletListBlock(items));
    }

    private static void AddRun(List<TicketBlock> blocks, RunInfo run)
    {
        var text = string.Create(
            Invariant,
            $"Run {Clean(run.RunId, 64)} ({run.Trigger}), week {run.IsoWeek}, started {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        if (run.CompletedAt is { } completed)
        {
            text += string.Create(Invariant, $", completed {completed.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }

        if (!string.IsNullOrEmpty(run.TraceId))
        {
            text += ", trace id " + Clean(run.TraceId, 64);
        }

        blocks.Add(new ParagraphBlock(new TicketInline(text + ".")));
    }

    public static string AccountName(string? name, string accountId)
    {
        var cleaned = Clean(name, NameCap);
        return cleaned.Length == 0 ? Clean(accountId, 12) : $"{cleaned} ({Clean(accountId, 12)})";
    }

    private static IReadOnlyList<TicketInline> Line(string text) => [new TicketInline(text)];

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", Invariant) + "%";

    public static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
