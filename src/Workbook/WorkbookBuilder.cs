using System.Globalization;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Workbook.Charts;
using ComplianceReport.Workbook.Packaging;
using ComplianceReport.Workbook.Sheets;
using ComplianceReport.Workbook.Styling;
using ComplianceReport.Workbook.Values;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook;

/// <summary>
/// Writes one workbook, part by part. The findings are streamed first (they feed the Rules sheet
/// and the Summary's totals); the workbook part, written last, lists the sheets in reading order.
/// Findings are written in the order the content gives them (worst first is the evaluate stage's
/// order: severity, then account, region, rule, resource): sorting here would hold every row.
/// Every sheet prints landscape, one page wide, with the run id and page number in its footer.
/// </summary>
internal sealed class WorkbookBuilder
{
    private const string WorkbookPart = "xl/workbook.xml";
    private const int CancellationCheckInterval = 4096;
    private const int WorstListed = 10;

    private static readonly ColumnSpec[] SummaryColumns =
    [
        new("Item", 38), new("Value", 30), new("Compliance %", 18), new("Non-compliant resources", 12),
        new("E", 10), new("F", 10), new("G", 14), new("H", 17), new("I", 10),
    ];

    private static readonly ColumnSpec[] AccountColumns =
    [
        new("Account ID", 16), new("Name", 30), new("OU path", 36), new("Account status", 16), new("Scan status", 13),
        new("Compliant rules", 17), new("Non-compliant rules", 21), new("Non-compliant resources", 25),
        new("Compliance %", 15), new("Scan error", 60), new("Owner", 24), new("Owner from", 14),
    ];

    private static readonly ColumnSpec[] OwnerColumns =
    [
        new("Owner", 30), new("Critical", 10), new("High", 10), new("Medium", 10), new("Low", 10), new("Unrated", 10),
        new("Non-compliant resources", 25), new("Change", 10),
    ];

    private static readonly ColumnSpec[] ExceptionColumns =
    [
        new("ID", 24), new("Owner", 24), new("Reason", 50), new("Ticket", 16), new("Approved", 12), new("Approved by", 20),
        new("Expires", 12), new("State", 10), new("Findings covered", 18), new("Counting again", 16),
    ];

    private static readonly ColumnSpec[] RuleColumns =
    [
        new("Rule", 48), new("Severity", 12), new("Accounts non-compliant", 24), new("Non-compliant resources", 25),
    ];

    private static readonly ColumnSpec[] FindingColumns =
    [
        new("Account ID", 16), new("Account name", 26), new("Region", 15), new("Rule", 40), new("Resource type", 28),
        new("Resource ID", 40), new("Resource name", 30), new("Severity", 12), new("Owner", 22), new("Compliance", 19),
        new("Annotation", 50), new("Last evaluated (UTC)", 21), new("Tags", 50), new("Exception", 44),
    ];

    private static readonly ColumnSpec[] ChangeColumns =
    [
        new("Change", 11), new("Account ID", 16), new("Account name", 26), new("Region", 15), new("Rule", 40),
        new("Resource type", 28), new("Resource ID", 40), new("Resource name", 30), new("Annotation", 50),
        new("Last evaluated (UTC)", 21), new("Exception", 44),
    ];

    private static readonly ColumnSpec[] ErrorColumns =
    [
        new("Account ID", 16), new("Account name", 26), new("Region", 15), new("Kind", 20), new("Message", 80), new("Code", 24),
    ];

    private readonly ReportContent _content;
    private readonly XlsxPackage _package;
    private readonly int _maxRowsPerSheet;
    private readonly CancellationToken _cancellationToken;
    private readonly SheetNameRegistry _names = new();
    private readonly List<WrittenSheet> _sheets = [];
    private readonly System.Text.StringBuilder _tags = new();
    private readonly RuleRegions _ruleRegions = new();
    private readonly string _footer;
    private int _findingRows;
    private int _sheetPartCount;

    public WorkbookBuilder(ReportContent content, XlsxPackage package, int maxRowsPerSheet, CancellationToken cancellationToken)
    {
        _content = content;
        _package = package;
        _maxRowsPerSheet = maxRowsPerSheet;
        _cancellationToken = cancellationToken;
        _footer = Footer(content.Run.RunId);
    }

    public async Task BuildAsync()
    {
        _cancellationToken.ThrowIfCancellationRequested();

        // Names are claimed in reading order so the split Findings sheets number from 2.
        var summaryName = _names.Claim("Summary");
        var accountsName = _names.Claim("Accounts");
        var rulesName = _names.Claim("Rules");
        var findingsName = _names.Claim("Findings");
        var changesName = _names.Claim("Changes");
        var ownersName = _names.Claim("Owners");
        var exceptionsName = _names.Claim("Exceptions");
        var errorsName = _names.Claim("Errors");

        WriteStyles();
        var accounts = WriteAccounts(accountsName);
        var findings = await WriteFindingsAsync(findingsName);
        _cancellationToken.ThrowIfCancellationRequested();
        var rules = WriteRules(rulesName);
        var changes = WriteChanges(changesName);
        var owners = WriteOwners(ownersName);
        var exceptions = WriteExceptions(exceptionsName);
        var errors = WriteErrors(errorsName);
        var summary = WriteSummary(summaryName);

        _sheets.AddRange([summary, accounts, owners, rules, .. findings, changes, exceptions, errors]);
        WriteWorkbook();
        _package.Relate(string.Empty, WorkbookPart, ContentTypes.OfficeDocumentRelationship);
        _package.Complete();
    }

    private void WriteStyles()
    {
        const string partName = "xl/styles.xml";
        using (var stream = _package.CreatePart(partName, ContentTypes.Styles))
        using (var writer = OpenXmlWriter.Create(stream))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteElement(WorkbookStyles.Create());
        }

        _package.Relate(WorkbookPart, partName, ContentTypes.StylesRelationship);
    }

    private WrittenSheet WriteAccounts(string name)
    {
        using var sheet = OpenSheet(name, AccountColumns, freezeHeader: true);
        var writer = sheet.Writer;
        writer.WriteHeader(AccountColumns);
        var owners = (_content.Results ?? []).ToDictionary(r => r.Summary.Account.AccountId, r => r.Owner, StringComparer.Ordinal);
        foreach (var summary in _content.Accounts)
        {
            var owner = owners.GetValueOrDefault(summary.Account.AccountId) ?? ResolvedOwner.Unassigned;
            writer.StartRow();
            writer.Text(summary.Account.AccountId);
            writer.Text(summary.Account.Name);
            writer.Text(summary.Account.OuPath);
            writer.Text(Labels.Of(summary.Account.Status));
            writer.Text(Labels.Of(summary.Status));
            writer.Number(summary.CompliantRules, WorkbookStyles.Count);
            writer.Number(summary.NonCompliantRules, WorkbookStyles.Count);
            writer.Number(summary.NonCompliantResources, WorkbookStyles.Count);
            writer.Number(summary.CompliancePercent, WorkbookStyles.Percent);
            writer.Text(Labels.Of(summary.Error));
            writer.Text(owner.Owner);
            writer.Text(Labels.Of(owner.Source));
        }

        var last = writer.RowCount;
        ConditionalFormatting[] formats = last < 2
            ? []
            :
            [
                FormattingRules.PercentColorScale(Range("I", 2, last), 1),
                FormattingRules.DataBar(Range("G", 2, last), 2),
                FormattingRules.DataBar(Range("H", 2, last), 3),
                FormattingRules.TextEquals(Range("E", 2, last), nameof(AccountScanStatus.Failed), WorkbookStyles.BadDxf, 4),
            ];
        return sheet.Finish(withAutoFilter: true, formats);
    }

    private async Task<List<WrittenSheet>> WriteFindingsAsync(string firstName)
    {
        var written = new List<WrittenSheet>();
        OpenedSheet? sheet = null;
        try
        {
            // The caller's context is kept: the findings may come from grain calls.
            await foreach (var finding in _content.Findings.WithCancellation(_cancellationToken))
            {
                if (sheet is null || sheet.Writer.RowCount >= _maxRowsPerSheet)
                {
                    if (sheet is not null)
                    {
                        written.Add(FinishFindings(sheet));
                        sheet.Dispose();
                    }

                    sheet = OpenSheet(written.Count == 0 ? firstName : _names.Claim(firstName), FindingColumns, freezeHeader: true);
                    sheet.Writer.WriteHeader(FindingColumns);
                }

                WriteFinding(sheet.Writer, finding);
                _ruleRegions.Add(finding);
                if (++_findingRows % CancellationCheckInterval == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }
            }

            // No findings still gets a (header-only) Findings sheet, so the layout never changes.
            if (sheet is null)
            {
                sheet = OpenSheet(firstName, FindingColumns, freezeHeader: true);
                sheet.Writer.WriteHeader(FindingColumns);
            }

            written.Add(FinishFindings(sheet));
        }
        finally
        {
            sheet?.Dispose();
        }

        return written;
    }

    private static WrittenSheet FinishFindings(OpenedSheet sheet)
    {
        var last = sheet.Writer.RowCount;
        ConditionalFormatting[] formats = last < 2
            ? []
            : [FormattingRules.TextEquals(Range("J", 2, last), Labels.NonCompliant, WorkbookStyles.BadDxf, 1), .. FormattingRules.Severities(Range("H", 2, last), 2)];
        return sheet.Finish(withAutoFilter: true, formats);
    }

    private void WriteFinding(WorksheetWriter writer, Finding finding)
    {
        writer.StartRow();
        writer.Text(finding.AccountId);
        writer.Text(finding.AccountName);
        writer.Text(finding.Region);
        writer.Text(finding.RuleName);
        writer.Text(finding.ResourceType);
        writer.LinkedText(finding.ResourceId, writer.AcceptsLinks ? ConsoleLinks.ResourceTimeline(finding.Region, finding.ResourceType, finding.ResourceId) : null);
        writer.Text(finding.ResourceName);
        writer.Text(Labels.Of(finding.Severity));
        writer.Text(finding.Owner);
        writer.Text(Labels.Of(finding.Compliance));
        writer.Text(finding.Annotation);
        writer.Date(finding.LastEvaluated);
        writer.Text(FormatTags(finding.Tags));
        writer.Text(finding.ExceptionNote);
    }

    /// <summary>"k=v; k=v", keys in ordinal order so the same tags always read the same.</summary>
    private string? FormatTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            return null;
        }

        _tags.Clear();
        if (tags.Count == 1)
        {
            foreach (var (key, value) in tags)
            {
                _tags.Append(key).Append('=').Append(value);
            }

            return _tags.ToString();
        }

        var keys = new string[tags.Count];
        var i = 0;
        foreach (var key in tags.Keys)
        {
            keys[i++] = key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_tags.Length > 0)
            {
                _tags.Append("; ");
            }

            _tags.Append(key).Append('=').Append(tags[key]);
        }

        return _tags.ToString();
    }

    private WrittenSheet WriteRules(string name)
    {
        using var sheet = OpenSheet(name, RuleColumns, freezeHeader: true);
        var writer = sheet.Writer;
        writer.WriteHeader(RuleColumns);
        foreach (var rule in _content.Summary.Rules)
        {
            writer.StartRow();
            writer.LinkedText(rule.RuleName, ConsoleLinks.RulePage(_ruleRegions.MainRegion(rule.RuleName), rule.RuleName));
            writer.Text(Labels.Of(rule.Severity));
            writer.Number(rule.AccountsNonCompliant, WorkbookStyles.Count);
            writer.Number(rule.NonCompliantResources, WorkbookStyles.Count);
        }

        var last = writer.RowCount;
        ConditionalFormatting[] formats = last < 2
            ? []
            :
            [
                .. FormattingRules.Severities(Range("B", 2, last), 1),
                FormattingRules.DataBar(Range("C", 2, last), Labels.Severities.Count + 1),
                FormattingRules.DataBar(Range("D", 2, last), Labels.Severities.Count + 2),
            ];
        return sheet.Finish(withAutoFilter: true, formats);
    }

    private WrittenSheet WriteChanges(string name)
    {
        using var sheet = OpenSheet(name, ChangeColumns, freezeHeader: true);
        var writer = sheet.Writer;
        writer.WriteHeader(ChangeColumns);
        foreach (var change in _content.Changes)
        {
            var finding = change.Finding;
            writer.StartRow();
            writer.Text(Labels.Of(change.Kind));
            writer.Text(finding.AccountId);
            writer.Text(finding.AccountName);
            writer.Text(finding.Region);
            writer.Text(finding.RuleName);
            writer.Text(finding.ResourceType);
            writer.Text(finding.ResourceId);
            writer.Text(finding.ResourceName);
            writer.Text(finding.Annotation);
            writer.Date(finding.LastEvaluated);
            writer.Text(finding.ExceptionNote);
        }

        var last = writer.RowCount;
        ConditionalFormatting[] formats = last < 2
            ? []
            :
            [
                FormattingRules.TextEquals(Range("A", 2, last), Labels.New, WorkbookStyles.BadDxf, 1),
                FormattingRules.TextEquals(Range("A", 2, last), Labels.Resolved, WorkbookStyles.GoodDxf, 2),
            ];
        return sheet.Finish(withAutoFilter: true, formats);
    }

    private WrittenSheet WriteOwners(string name)
    {
        using var sheet = OpenSheet(name, OwnerColumns, freezeHeader: true);
        var writer = sheet.Writer;
        writer.WriteHeader(OwnerColumns);
        var comparedWith = _content.Summary.Totals.ComparedWithRunId;
        foreach (var owner in _content.Summary.OwnerList)
        {
            writer.StartRow();
            writer.Text(owner.Owner);
            writer.Number(owner.BySeverity.Critical, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.High, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Medium, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Low, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Unrated, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Total, WorkbookStyles.Count);
            WriteChange(writer, owner.Change, comparedWith);
        }

        var last = writer.RowCount;
        ConditionalFormatting[] formats = last < 2 ? [] : [FormattingRules.DataBar(Range("B", 2, last), 1), FormattingRules.DataBar(Range("C", 2, last), 2)];
        return sheet.Finish(withAutoFilter: true, formats);
    }

    private WrittenSheet WriteExceptions(string name)
    {
        using var sheet = OpenSheet(name, ExceptionColumns, freezeHeader: true);
        var writer = sheet.Writer;
        writer.WriteHeader(ExceptionColumns);
        foreach (var usage in _content.Summary.ExceptionList)
        {
            var entry = usage.Entry;
            writer.StartRow();
            writer.Text(entry.Id);
            writer.Text(entry.Owner);
            writer.Text(entry.Reason);
            writer.Text(entry.Ticket);
            writer.Text(entry.Approved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Text(entry.ApprovedBy);
            writer.Text(entry.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Text(usage.Expired ? "expired" : usage.Unused ? "unused" : "active");
            writer.Number(usage.Covered, WorkbookStyles.Count);
            writer.Number(usage.CountingAgain, WorkbookStyles.Count);
        }

        var last = writer.RowCount;
        ConditionalFormatting[] formats = last < 2
            ? []
            :
            [
                FormattingRules.TextEquals(Range("H", 2, last), "expired", WorkbookStyles.BadDxf, 1),
                FormattingRules.TextEquals(Range("H", 2, last), "unused", WorkbookStyles.BadDxf, 2),
            ];
        return sheet.Finish(withAutoFilter: true, formats);
    }

    private WrittenSheet WriteErrors(string name)
    {
        using var sheet = OpenSheet(name, ErrorColumns, freezeHeader: true);
        var writer = sheet.Writer;
        writer.WriteHeader(ErrorColumns);
        foreach (var error in _content.Errors)
        {
            writer.StartRow();
            writer.Text(error.AccountId);
            writer.Text(error.AccountName);
            writer.Text(error.Region ?? "(all regions)");
            writer.Text(error.Error.Kind.ToString());
            writer.Text(error.Error.Message);
            writer.Text(error.Error.Code);
        }

        return sheet.Finish(withAutoFilter: true, []);
    }

    private WrittenSheet WriteSummary(string name)
    {
        var run = _content.Run;
        var summary = _content.Summary;
        var totals = summary.Totals;
        var worstAccounts = summary.WorstAccounts;
        var worstOwners = summary.OwnerList.Take(WorstListed).ToList();

        // The chart is written before the sheet (one zip entry at a time), so the history table's
        // row is computed from the blocks above it: 3 title rows, severity 4, worst accounts 3 + n,
        // worst owners 3 + n, run 8, totals 16, then a blank row and the History title.
        var runRow = 3 + 4 + 3 + Math.Max(1, worstAccounts.Count) + 3 + Math.Max(1, worstOwners.Count);
        var historyHeaderRow = runRow + 8 + 16 + 3;
        var partName = NextSheetPartName();
        var history = summary.History;
        var drawingId = history.Count > 0 ? WriteTrendChart(name, partName, historyHeaderRow + 1, runRow, history) : null;

        using var sheet = OpenSheet(name, SummaryColumns, freezeHeader: false, partName);
        var writer = sheet.Writer;
        var formats = new List<ConditionalFormatting>();
        writer.StartRow();
        writer.Text("AWS Config compliance report", WorkbookStyles.Title);
        writer.StartRow();
        writer.Text(string.Create(CultureInfo.InvariantCulture, $"{run.RunId} ({Labels.Of(run.Trigger)}), {totals.Accounts} accounts; changes since {totals.ComparedWithRunId ?? "(no previous scheduled run)"}"));
        writer.StartRow();

        // What is critical: open findings by severity, after accepted risk.
        writer.StartRow();
        writer.Text("Non-compliant resources by severity", WorkbookStyles.Section);
        writer.StartRow();
        foreach (var header in new[] { "Critical", "High", "Medium", "Low", "Unrated", "Total", "Accepted risk", "Before exceptions" })
        {
            writer.Text(header, WorkbookStyles.Header);
        }

        var severities = totals.Severities;
        writer.StartRow();
        writer.Number(severities.Critical, WorkbookStyles.Count);
        writer.Number(severities.High, WorkbookStyles.Count);
        writer.Number(severities.Medium, WorkbookStyles.Count);
        writer.Number(severities.Low, WorkbookStyles.Count);
        writer.Number(severities.Unrated, WorkbookStyles.Count);
        writer.Number(totals.NonCompliantResources, WorkbookStyles.Count);
        writer.Number(totals.AcceptedFindings, WorkbookStyles.Count);
        writer.Number(Math.Max(totals.RawNonCompliantResources, totals.NonCompliantResources), WorkbookStyles.Count);
        writer.StartRow();

        // Whose is it, what got worse: the worst accounts and owners, each with its change.
        WriteSection(writer, writer.RowCount + 1, "Worst accounts (by Critical, then High, Medium, Low)", ["Account ID", "Name", "Owner", "Critical", "High", "Medium", "Low", "Resources", "Change"]);
        foreach (var standing in worstAccounts)
        {
            var account = standing.Summary;
            writer.StartRow();
            writer.Text(account.Account.AccountId);
            writer.Text(account.Status == AccountScanStatus.Scanned ? account.Account.Name : $"{account.Account.Name} ({NotFullyRead(account.Status)})");
            writer.Text(standing.Owner.Owner);
            writer.Number(standing.BySeverity.Critical, WorkbookStyles.Count);
            writer.Number(standing.BySeverity.High, WorkbookStyles.Count);
            writer.Number(standing.BySeverity.Medium, WorkbookStyles.Count);
            writer.Number(standing.BySeverity.Low, WorkbookStyles.Count);
            writer.Number(account.NonCompliantResources, WorkbookStyles.Count);
            WriteChange(writer, standing.Change, totals.ComparedWithRunId);
        }

        if (worstAccounts.Count == 0)
        {
            writer.StartRow();
            writer.Text("No account has non-compliant resources.");
        }

        writer.StartRow();
        WriteSection(writer, writer.RowCount + 1, "Worst owners", ["Owner", "Critical", "High", "Medium", "Low", "Unrated", "Resources", "Change"]);
        foreach (var owner in worstOwners)
        {
            writer.StartRow();
            writer.Text(owner.Owner);
            writer.Number(owner.BySeverity.Critical, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.High, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Medium, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Low, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Unrated, WorkbookStyles.Count);
            writer.Number(owner.BySeverity.Total, WorkbookStyles.Count);
            WriteChange(writer, owner.Change, totals.ComparedWithRunId);
        }

        if (worstOwners.Count == 0)
        {
            writer.StartRow();
            writer.Text("No owner has non-compliant resources.");
        }

        writer.StartRow();
        writer.StartRow();
        writer.Text("Run", WorkbookStyles.Section);
        Pair(writer, "Run ID", run.RunId);
        Pair(writer, "ISO week", run.IsoWeek);
        Pair(writer, "Trigger", Labels.Of(run.Trigger));
        writer.StartRow();
        writer.Text("Started (UTC)", WorkbookStyles.Label);
        writer.Date(run.StartedAt);
        writer.StartRow();
        writer.Text("Completed (UTC)", WorkbookStyles.Label);
        writer.Date(run.CompletedAt);
        Pair(writer, "Trace ID", run.TraceId);
        writer.StartRow();
        writer.StartRow();
        writer.Text("Totals", WorkbookStyles.Section);
        Count(writer, "Accounts", totals.Accounts);
        Count(writer, "Accounts scanned (every region read)", totals.AccountsScanned);
        Count(writer, "Accounts partially scanned", totals.AccountsPartial);
        Count(writer, "Accounts failed (nothing read)", totals.AccountsFailed);
        Count(writer, "Accounts skipped (suspended, closing)", totals.AccountsSkipped);
        Count(writer, "Accounts with findings", totals.AccountsWithFindings);
        Count(writer, "Non-compliant resources", totals.NonCompliantResources);
        Count(writer, "Accepted by exceptions", totals.AcceptedFindings);
        Count(writer, "Before exceptions", Math.Max(totals.RawNonCompliantResources, totals.NonCompliantResources));
        Pair(writer, "Changes compared with", totals.ComparedWithRunId ?? "(no previous scheduled run)");
        Count(writer, "New since then", totals.NewFindings);
        Count(writer, "Resolved since then", totals.ResolvedFindings);
        Count(writer, "Scan errors", totals.ScanErrors);
        writer.StartRow();
        writer.Text("Overall compliance", WorkbookStyles.Label);
        writer.Number(totals.CompliancePercent, WorkbookStyles.Percent);
        var overallRow = writer.RowCount;

        formats.Add(FormattingRules.PercentColorScale(Range("B", overallRow, overallRow), formats.Count + 1));
        var nextRow = overallRow + 2;
        if (history.Count > 0)
        {
            if (writer.RowCount >= historyHeaderRow - 1)
            {
                throw new InvalidOperationException($"The Summary's blocks reach row {writer.RowCount}; the history must start below them, not at {historyHeaderRow}.");
            }

            WriteSection(writer, historyHeaderRow - 1, "History", ["Run", "Completed (UTC)", "Compliance %", "Non-compliant resources"]);

            foreach (var point in history)
            {
                writer.StartRow();
                writer.Text(point.RunId);
                writer.Date(point.CompletedAt);
                writer.Number(point.CompliancePercent, WorkbookStyles.Percent);
                writer.Number(point.NonCompliantResources, WorkbookStyles.Count);
            }

            formats.Add(FormattingRules.PercentColorScale(Range("C", historyHeaderRow + 1, writer.RowCount), formats.Count + 1));
            nextRow = writer.RowCount + 2;
        }

        WriteSection(writer, nextRow, "Compliance by account, worst first", ["Account ID", "Name", "Compliance %", "Non-compliant resources"]);

        // Accounts not fully read lead the list, marked: their figures are unknown, never clean.
        var accounts = _content.Accounts
            .OrderBy(a => a.Status == AccountScanStatus.Scanned ? 1 : 0)
            .ThenByDescending(a => a.NonCompliantResources)
            .ThenBy(a => a.CompliancePercent ?? 1)
            .ThenBy(a => a.Account.AccountId, StringComparer.Ordinal)
            .ToList();
        var firstAccountRow = writer.RowCount + 1;
        foreach (var account in accounts)
        {
            writer.StartRow();
            writer.Text(account.Account.AccountId);
            writer.Text(account.Status == AccountScanStatus.Partial ? $"{account.Account.Name} ({NotFullyRead(account.Status)})" : account.Account.Name);
            if (account.Status is AccountScanStatus.Failed or AccountScanStatus.Skipped)
            {
                writer.Text(NotFullyRead(account.Status));
                writer.Text("unknown");
            }
            else
            {
                writer.Number(account.CompliancePercent, WorkbookStyles.Percent);
                writer.Number(account.NonCompliantResources, WorkbookStyles.Count);
            }
        }

        if (accounts.Count > 0)
        {
            formats.Add(FormattingRules.PercentColorScale(Range("C", firstAccountRow, writer.RowCount), formats.Count + 1));
            formats.Add(FormattingRules.DataBar(Range("D", firstAccountRow, writer.RowCount), formats.Count + 1));
        }

        return sheet.Finish(withAutoFilter: false, formats, drawingId);
    }

    /// <summary>Writes the chart and drawing parts; returns the drawing's relationship id for the sheet.</summary>
    /// <param name="besideRow">
    /// The Run block's first row (0-based): the chart sits to the right of the Run and Totals
    /// blocks, which use only the first columns, so it never covers the tables above or below.
    /// </param>
    private string WriteTrendChart(string sheetName, string sheetPart, int firstRow, int besideRow, IReadOnlyList<HistoryPoint> history)
    {
        const string drawingPart = "xl/drawings/drawing1.xml";
        const string chartPart = "xl/charts/chart1.xml";

        using (var stream = _package.CreatePart(chartPart, ContentTypes.Chart))
        using (var writer = OpenXmlWriter.Create(stream))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteElement(ComplianceTrendChart.Create(
                sheetName,
                firstRow,
                [.. history.Select(p => Values.CellText.Clean(p.RunId))],
                [.. history.Select(p => p.CompliancePercent)]));
        }

        var chartId = _package.Relate(drawingPart, chartPart, ContentTypes.ChartRelationship);
        using (var stream = _package.CreatePart(drawingPart, ContentTypes.Drawing))
        using (var writer = OpenXmlWriter.Create(stream))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteElement(ComplianceTrendChart.Anchor(chartId, fromColumn: 3, fromRow: besideRow + 1, toColumn: 9, toRow: besideRow + 23));
        }

        return _package.Relate(sheetPart, drawingPart, ContentTypes.DrawingRelationship);
    }

    private void WriteWorkbook()
    {
        var sheets = new DocumentFormat.OpenXml.Spreadsheet.Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var sheet = _sheets[i];
            sheets.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = sheet.RelationshipId });
            if (sheet.RepeatsHeader)
            {
                definedNames.Append(new DefinedName(Quoted(sheet.Name) + "!$1:$1")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = (uint)i,
                });
            }

            if (sheet.AutoFilterRange is not null)
            {
                // Excel keeps the filtered range under this hidden name; without it Excel repairs the file.
                definedNames.Append(new DefinedName(Absolute(sheet.Name, sheet.AutoFilterRange))
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }
        }

        var workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheets);
        if (definedNames.HasChildren)
        {
            workbook.Append(definedNames);
        }

        workbook.AddNamespaceDeclaration("r", XlsxPackage.RelationshipNamespace);
        using var stream = _package.CreatePart(WorkbookPart, ContentTypes.Workbook);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(standalone: true);
        writer.WriteElement(workbook);
    }

    private string NextSheetPartName() =>
        "xl/worksheets/sheet" + (++_sheetPartCount).ToString(CultureInfo.InvariantCulture) + ".xml";

    private OpenedSheet OpenSheet(string name, IReadOnlyList<ColumnSpec> columns, bool freezeHeader, string? partName = null)
    {
        partName ??= NextSheetPartName();
        var relationshipId = _package.Relate(WorkbookPart, partName, ContentTypes.WorksheetRelationship);
        var stream = _package.CreatePart(partName, ContentTypes.Worksheet);
        return new OpenedSheet(name, relationshipId, partName, _package, stream, new WorksheetWriter(stream, columns, freezeHeader), _footer);
    }

    /// <summary>A titled block on the Summary sheet: blank rows up to <paramref name="titleRow"/>, the title, a header row.</summary>
    private static void WriteSection(WorksheetWriter writer, int titleRow, string title, string[] headers)
    {
        while (writer.RowCount < titleRow - 1)
        {
            writer.StartRow();
        }

        writer.StartRow();
        writer.Text(title, WorkbookStyles.Section);
        writer.StartRow();
        foreach (var header in headers)
        {
            writer.Text(header, WorkbookStyles.Header);
        }
    }

    private static string NotFullyRead(AccountScanStatus status) => status switch
    {
        AccountScanStatus.Partial => "partially read",
        AccountScanStatus.Failed => "not read (failed)",
        AccountScanStatus.Skipped => "skipped",
        _ => string.Empty,
    };

    /// <summary>A change as +3 / -2 / 0, or n/a without a run to compare with.</summary>
    /// <summary>A number (signed format) when there is a week to compare with, so it sorts and sums and aligns with the counts; else n/a.</summary>
    private static void WriteChange(WorksheetWriter writer, int change, string? comparedWith)
    {
        if (comparedWith is null)
        {
            writer.Text("n/a");
        }
        else
        {
            writer.Number(change, WorkbookStyles.SignedCount);
        }
    }

    /// <summary>
    /// Left: the run id; centre: the sheet's name; right: page n of m. In header/footer codes a
    /// literal "&amp;" is written "&amp;&amp;"; Excel caps the whole footer at 255 characters.
    /// </summary>
    private static string Footer(string runId)
    {
        var id = CellText.Clean(runId);
        if (id.Length > 100)
        {
            id = id[..100];
        }

        id = id.Replace("&", "&&", StringComparison.Ordinal);
        return "&L&8Run " + id + "&C&8&A&R&8Page &P of &N";
    }

    private static void Pair(WorksheetWriter writer, string label, string? value)
    {
        writer.StartRow();
        writer.Text(label, WorkbookStyles.Label);
        writer.Text(value);
    }

    private static void Count(WorksheetWriter writer, string label, int value)
    {
        writer.StartRow();
        writer.Text(label, WorkbookStyles.Label);
        writer.Number(value, WorkbookStyles.Count);
    }

    private static string Range(string column, int firstRow, int lastRow) =>
        string.Create(CultureInfo.InvariantCulture, $"{column}{firstRow}:{column}{lastRow}");

    private static string Absolute(string sheetName, string range)
    {
        var parts = range.Split(':');
        static string Abs(string cell)
        {
            var split = cell.IndexOfAny("0123456789".ToCharArray());
            return "$" + cell[..split] + "$" + cell[split..];
        }

        return Quoted(sheetName) + "!" + Abs(parts[0]) + ":" + Abs(parts[1]);
    }

    private static string Quoted(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
}
