using System.Globalization;
using System.Text.Json;
using ComplianceReport.Compliance.Model;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Workbook.Tests;

/// <summary>The workbook as an independent reader (openpyxl) sees it.</summary>
public sealed class RoundTripTests
{
    private static readonly string[] DataSheets = ["Accounts", "Rules", "Findings", "Changes", "Errors"];

    [Fact]
    public async Task Findings_round_trip_cell_by_cell()
    {
        var findings = SampleReports.Findings(3, 4).ToList();
        findings.Add(SampleReports.Finding(2, 50, name: "  padded name  ", annotation: "emoji \U0001F512 and ümlaut"));
        var content = SampleReports.Content(3, 0) with { Findings = findings.ToAsyncEnumerable() };

        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(content));
        var sheet = OpenPyxl.Sheet(book, "Findings");

        Assert.Equal(
            ["Account ID", "Account name", "Region", "Rule", "Resource type", "Resource ID", "Resource name", "Severity", "Owner", "Compliance", "Annotation", "Last evaluated (UTC)", "Tags", "Exception"],
            sheet.GetProperty("rows")[0].EnumerateArray().Select(c => c.GetProperty("v").GetString()));
        Assert.Equal(findings.Count + 1, sheet.GetProperty("maxRow").GetInt32());
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var row = i + 2;
            string?[] expected =
            [
                f.AccountId, f.AccountName, f.Region, f.RuleName, f.ResourceType, f.ResourceId, f.ResourceName,
                f.Severity.ToString(), f.Owner, f.Compliance == ComplianceType.NonCompliant ? "NON_COMPLIANT" : "COMPLIANT", f.Annotation,
            ];
            for (var c = 0; c < expected.Length; c++)
            {
                var cell = OpenPyxl.Cell(sheet, row, c + 1);
                Assert.Equal(expected[c], cell.GetProperty("v").GetString());
                Assert.Equal("s", cell.GetProperty("t").GetString());
            }

            var date = OpenPyxl.Cell(sheet, row, 12);
            Assert.Equal(f.LastEvaluated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), date.GetProperty("v").GetString());
            Assert.Equal("yyyy-mm-dd hh:mm", date.GetProperty("f").GetString());
            Assert.Equal($"Env=prod; Owner={f.Tags["Owner"]}", OpenPyxl.Cell(sheet, row, 13).GetProperty("v").GetString());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Owner_changes_are_signed_numbers_with_a_week_to_compare_with_and_n_a_without(bool withHistory)
    {
        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(SampleReports.Content(4, 3, withHistory)));
        var owners = OpenPyxl.Sheet(book, "Owners");
        var header = owners.GetProperty("rows")[0].EnumerateArray().Select(c => c.GetProperty("v").GetString()).ToList();
        var column = header.IndexOf("Change") + 1;
        Assert.True(column > 0, string.Join(", ", header));

        for (var row = 2; row <= owners.GetProperty("maxRow").GetInt32(); row++)
        {
            var cell = OpenPyxl.Cell(owners, row, column);
            if (withHistory)
            {
                Assert.Equal("n", cell.GetProperty("t").GetString());
                Assert.Equal("+#,##0;-#,##0;0", cell.GetProperty("f").GetString());
            }
            else
            {
                Assert.Equal("n/a", cell.GetProperty("v").GetString());
            }
        }
    }

    [Fact]
    public async Task Sheets_have_frozen_headers_autofilters_and_widths()
    {
        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(SampleReports.Content(4, 3)));

        Assert.Equal(
            ["Summary", "Accounts", "Owners", "Rules", "Findings", "Changes", "Exceptions", "Errors"],
            book.GetProperty("sheets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        foreach (var name in DataSheets)
        {
            var sheet = OpenPyxl.Sheet(book, name);
            Assert.Equal("A2", sheet.GetProperty("freeze").GetString());
            var lastColumn = (char)('A' + sheet.GetProperty("rows")[0].GetArrayLength() - 1);
            Assert.Equal($"A1:{lastColumn}{sheet.GetProperty("maxRow").GetInt32()}", sheet.GetProperty("autofilter").GetString());
            Assert.True(sheet.GetProperty("widths").GetProperty("A").GetDouble() >= 10, $"{name} column A has no width");
        }

        Assert.Equal(JsonValueKind.Null, OpenPyxl.Sheet(book, "Summary").GetProperty("freeze").ValueKind);
    }

    [Fact]
    public async Task Conditional_formatting_rules_sit_on_the_intended_ranges()
    {
        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(SampleReports.Content(4, 3, withHistory: true)));

        var findings = Formats(OpenPyxl.Sheet(book, "Findings"));
        Assert.Equal(6, findings.Count);
        var highlight = Assert.Single(findings, f => f.Range == "J2:J13");
        Assert.Equal(
            ["\"Critical\"", "\"High\"", "\"Medium\"", "\"Low\"", "\"Unrated\""],
            findings.Where(f => f.Range == "H2:H13").Select(f => f.Rule.GetProperty("formula")[0].GetString()));
        Assert.All(findings.Where(f => f.Range == "H2:H13"), f => Assert.Equal("cellIs", f.Type));
        Assert.Equal("cellIs", highlight.Type);
        Assert.Equal("equal", highlight.Rule.GetProperty("operator").GetString());
        Assert.Equal("\"NON_COMPLIANT\"", highlight.Rule.GetProperty("formula")[0].GetString());
        Assert.Equal(0, highlight.Rule.GetProperty("dxfId").GetInt32());

        var accounts = Formats(OpenPyxl.Sheet(book, "Accounts"));
        Assert.Contains(accounts, f => f.Range == "I2:I5" && f.Type == "colorScale");
        Assert.Contains(accounts, f => f.Range == "G2:G5" && f.Type == "dataBar");
        Assert.Contains(accounts, f => f.Range == "H2:H5" && f.Type == "dataBar");
        Assert.Contains(accounts, f => f.Range == "E2:E5" && f.Type == "cellIs");

        var rules = Formats(OpenPyxl.Sheet(book, "Rules"));
        var ruleRows = OpenPyxl.Sheet(book, "Rules").GetProperty("maxRow").GetInt32();
        Assert.Equal(5, rules.Count(f => f.Range == $"B2:B{ruleRows}" && f.Type == "cellIs"));
        Assert.Contains(rules, f => f.Range == $"C2:C{ruleRows}" && f.Type == "dataBar");
        Assert.Contains(rules, f => f.Range == $"D2:D{ruleRows}" && f.Type == "dataBar");

        var changes = Formats(OpenPyxl.Sheet(book, "Changes"));
        Assert.Contains(changes, f => f.Range == "A2:A3" && f.Type == "cellIs" && f.Rule.GetProperty("formula")[0].GetString() == "\"New\"");

        var summary = OpenPyxl.Sheet(book, "Summary");
        var summaryFormats = Formats(summary);
        var accountHeader = RowOf(summary, "Compliance by account, worst first") + 1;
        Assert.Contains(summaryFormats, f => f.Range == $"C{accountHeader + 1}:C{accountHeader + 4}" && f.Type == "colorScale");
        var historyFirst = RowOf(summary, "History") + 2;
        Assert.Contains(summaryFormats, f => f.Range == $"C{historyFirst}:C{historyFirst + 4}" && f.Type == "colorScale");
        Assert.Equal(["LineChart"], summary.GetProperty("charts").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Summary_accounts_rules_changes_and_errors_carry_the_report()
    {
        var content = SampleReports.Content(
            [SampleReports.Account(0), SampleReports.Account(1), SampleReports.Account(2, AccountScanStatus.Failed, new ScanError(ScanErrorKind.AccessDenied, "role denied"))],
            5,
            withHistory: true);
        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(content));

        var summary = OpenPyxl.Sheet(book, "Summary");
        Assert.Equal("AWS Config compliance report", OpenPyxl.Cell(summary, 1, 1).GetProperty("v").GetString());
        Assert.Equal("2026-W48", ValueAfter(summary, "Run ID").GetString());
        Assert.Equal("Scheduled", ValueAfter(summary, "Trigger").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", ValueAfter(summary, "Trace ID").GetString());
        Assert.Equal("2026-11-23T06:00:00", ValueAfter(summary, "Started (UTC)").GetString());
        // The evaluated totals (the accounts' summaries: 0 + 2 + 4), not a recount of the listed rows.
        Assert.Equal(6, ValueAfter(summary, "Non-compliant resources").GetInt32());
        Assert.Equal(1, ValueAfter(summary, "Accounts failed (nothing read)").GetInt32());
        var history = RowOf(summary, "History") + 2;
        Assert.Equal("2026-W44", OpenPyxl.Cell(summary, history, 1).GetProperty("v").GetString());
        Assert.Equal(0.6, OpenPyxl.Cell(summary, history, 3).GetProperty("v").GetDouble(), 6);
        Assert.Equal("0.0%", OpenPyxl.Cell(summary, history, 3).GetProperty("f").GetString());

        var accounts = OpenPyxl.Sheet(book, "Accounts");
        Assert.Equal("100000000002", OpenPyxl.Cell(accounts, 4, 1).GetProperty("v").GetString());
        Assert.Equal("Root/Prod/Team2", OpenPyxl.Cell(accounts, 4, 3).GetProperty("v").GetString());
        Assert.Equal("ACTIVE", OpenPyxl.Cell(accounts, 4, 4).GetProperty("v").GetString());
        Assert.Equal("Failed", OpenPyxl.Cell(accounts, 4, 5).GetProperty("v").GetString());
        Assert.Equal(12, OpenPyxl.Cell(accounts, 4, 6).GetProperty("v").GetInt32());
        Assert.Equal(12.0 / 14, OpenPyxl.Cell(accounts, 4, 9).GetProperty("v").GetDouble(), 9);
        Assert.Equal("AccessDenied: role denied", OpenPyxl.Cell(accounts, 4, 10).GetProperty("v").GetString());

        // Findings n = 0..4 per account, n % 3 == 2 compliant; rule-{n % 5}: every rule but rule-2
        // is non-compliant once in each of the 3 accounts. rule-4 is Critical ... rule-0 Unrated:
        // the Rules sheet lists the most severe first, whatever the counts.
        var rules = OpenPyxl.Sheet(book, "Rules");
        Assert.Equal(["Rule", "Severity", "Accounts non-compliant", "Non-compliant resources"], rules.GetProperty("rows")[0].EnumerateArray().Select(c => c.GetProperty("v").GetString()));
        Assert.Equal(5, rules.GetProperty("maxRow").GetInt32());
        var ruleRows = Enumerable.Range(2, 4)
            .Select(r => (OpenPyxl.Cell(rules, r, 1).GetProperty("v").GetString(), OpenPyxl.Cell(rules, r, 2).GetProperty("v").GetString(), OpenPyxl.Cell(rules, r, 3).GetProperty("v").GetInt32(), OpenPyxl.Cell(rules, r, 4).GetProperty("v").GetInt32()))
            .ToList();
        Assert.Equal([("rule-4", "Critical", 3, 3), ("rule-3", "High", 3, 3), ("rule-1", "Low", 3, 3), ("rule-0", "Unrated", 3, 3)], ruleRows);

        var changes = OpenPyxl.Sheet(book, "Changes");
        Assert.Equal("New", OpenPyxl.Cell(changes, 2, 1).GetProperty("v").GetString());
        Assert.Equal("Resolved", OpenPyxl.Cell(changes, 3, 1).GetProperty("v").GetString());
        Assert.Equal("i-000000000900", OpenPyxl.Cell(changes, 3, 7).GetProperty("v").GetString());

        var errors = OpenPyxl.Sheet(book, "Errors");
        Assert.Equal(["100000000001", "workload-1", "(all regions)", "AccessDenied", "AssumeRole was refused", "AccessDenied"],
            OpenPyxl.Sheet(book, "Errors").GetProperty("rows")[2].EnumerateArray().Select(c => c.GetProperty("v").GetString()));
        Assert.Equal(JsonValueKind.Null, OpenPyxl.Cell(errors, 2, 6).GetProperty("v").ValueKind);
    }

    [Fact]
    public async Task Exception_notes_are_the_last_column_of_findings_and_changes()
    {
        var excepted = SampleReports.Finding(0, 1) with { AcceptedRiskId = "legacy-bucket", ExceptionNote = "Excepted by legacy-bucket until 2027-03-31" };
        var lapsed = SampleReports.Finding(0, 3) with { ExceptionNote = "exception break-glass expired 2026-11-01" };
        var plain = SampleReports.Finding(0, 4);
        var sample = SampleReports.Content(1, 0);
        var content = sample with
        {
            Findings = new[] { excepted, lapsed, plain }.ToAsyncEnumerable(),
            Changes = [new FindingChange(ChangeKind.New, excepted), new FindingChange(ChangeKind.New, lapsed), new FindingChange(ChangeKind.Resolved, plain)],
        };

        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(content));

        var findings = OpenPyxl.Sheet(book, "Findings");
        Assert.Equal("Tags", OpenPyxl.Cell(findings, 1, 13).GetProperty("v").GetString());
        Assert.Equal("Exception", OpenPyxl.Cell(findings, 1, 14).GetProperty("v").GetString());
        Assert.Equal(14, findings.GetProperty("rows")[0].GetArrayLength());
        Assert.Equal(excepted.ResourceId, OpenPyxl.Cell(findings, 2, 6).GetProperty("v").GetString());
        Assert.Equal("Excepted by legacy-bucket until 2027-03-31", OpenPyxl.Cell(findings, 2, 14).GetProperty("v").GetString());
        Assert.Equal("exception break-glass expired 2026-11-01", OpenPyxl.Cell(findings, 3, 14).GetProperty("v").GetString());
        Assert.Equal(JsonValueKind.Null, OpenPyxl.Cell(findings, 4, 14).GetProperty("v").ValueKind);
        Assert.Equal("A1:N4", findings.GetProperty("autofilter").GetString());

        var changes = OpenPyxl.Sheet(book, "Changes");
        Assert.Equal(
            ["Change", "Account ID", "Account name", "Region", "Rule", "Resource type", "Resource ID", "Resource name", "Annotation", "Last evaluated (UTC)", "Exception"],
            changes.GetProperty("rows")[0].EnumerateArray().Select(c => c.GetProperty("v").GetString()));
        Assert.Equal(excepted.ResourceId, OpenPyxl.Cell(changes, 2, 7).GetProperty("v").GetString());
        Assert.Equal("Excepted by legacy-bucket until 2027-03-31", OpenPyxl.Cell(changes, 2, 11).GetProperty("v").GetString());
        Assert.Equal("exception break-glass expired 2026-11-01", OpenPyxl.Cell(changes, 3, 11).GetProperty("v").GetString());
        Assert.Equal(JsonValueKind.Null, OpenPyxl.Cell(changes, 4, 11).GetProperty("v").ValueKind);
    }

    private static List<(string Range, string Type, JsonElement Rule)> Formats(JsonElement sheet) =>
    [
        .. sheet.GetProperty("conditionalFormats").EnumerateArray()
            .SelectMany(f => f.GetProperty("rules").EnumerateArray().Select(r => (f.GetProperty("range").GetString()!, r.GetProperty("type").GetString()!, r))),
    ];

    private static int RowOf(JsonElement sheet, string label)
    {
        var rows = sheet.GetProperty("rows");
        for (var i = 0; i < rows.GetArrayLength(); i++)
        {
            if (rows[i][0].GetProperty("v").ValueKind == JsonValueKind.String && rows[i][0].GetProperty("v").GetString() == label)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"No row labelled {label}.");
    }

    private static JsonElement ValueAfter(JsonElement sheet, string label) => OpenPyxl.Cell(sheet, RowOf(sheet, label), 2).GetProperty("v");
}
