using System.Text.Json;
using ComplianceReport.Compliance.Model;
using ComplianceReport.TestSupport;
using ComplianceReport.Workbook.Sheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceReport.Workbook.Tests;

/// <summary>
/// Console links, sheet order and page setup as an independent reader (openpyxl) sees them:
/// links are hyperlink relationships on inert text cells, never formulas.
/// </summary>
public sealed class PrintAndLinkTests
{
    private static readonly string[] Sheets = ["Summary", "Accounts", "Owners", "Rules", "Findings", "Changes", "Exceptions", "Errors"];

    [Fact]
    public async Task Each_resource_links_to_its_config_timeline_in_its_region_and_each_rule_to_its_rule_page()
    {
        var hostile = SampleReports.Finding(1, 3) with { ResourceType = "AWS::S3::Bucket", ResourceId = "=HYPERLINK(\"http://evil\",\"x\") a&b#c", Region = "eu-west-1" };
        var china = SampleReports.Finding(1, 4) with { Region = "cn-north-1" };
        var spoofed = SampleReports.Finding(1, 6) with { Region = "evil.example.com/x" };
        var findings = new List<Finding> { SampleReports.Finding(0, 0), SampleReports.Finding(0, 1), hostile, china, spoofed, SampleReports.Finding(2, 5), SampleReports.Finding(2, 10) };
        var sample = SampleReports.Content(3, 0);
        var content = sample with { Findings = findings.ToAsyncEnumerable(), Summary = SampleReports.Evaluate(sample.Accounts, findings, [], [], []) };

        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(content));

        var sheet = OpenPyxl.Sheet(book, "Findings");
        var links = Links(sheet);
        Assert.Equal(
            "https://us-east-1.console.aws.amazon.com/config/home?region=us-east-1#/resources/timeline?resourceId=i-000000000000&resourceType=AWS%3A%3AEC2%3A%3AInstance",
            links["F2"]);
        Assert.Equal(
            "https://eu-west-1.console.aws.amazon.com/config/home?region=eu-west-1#/resources/timeline?resourceId=%3DHYPERLINK%28%22http%3A%2F%2Fevil%22%2C%22x%22%29%20a%26b%23c&resourceType=AWS%3A%3AS3%3A%3ABucket",
            links["F4"]);
        Assert.Equal(hostile.ResourceId, OpenPyxl.Cell(sheet, 4, 6).GetProperty("v").GetString());
        Assert.Equal("s", OpenPyxl.Cell(sheet, 4, 6).GetProperty("t").GetString());

        // Other partitions have other console domains, and a value that is no region gets no host.
        Assert.False(links.ContainsKey("F5"));
        Assert.False(links.ContainsKey("F6"));
        Assert.Equal(5, links.Count);
        Assert.All(links.Keys, cell => Assert.StartsWith("F", cell, StringComparison.Ordinal));

        // rule-0: us-east-1 twice (n = 0, 10), eu-west-1 once (n = 5): the region with most findings wins.
        // rule-1: eu-west-1 (n = 1) and the spoofed region (n = 6) once each: a tie goes to the first by name.
        var rules = OpenPyxl.Sheet(book, "Rules");
        var ruleLinks = Links(rules);
        Assert.Equal(
            "https://us-east-1.console.aws.amazon.com/config/home?region=us-east-1#/rules/details?configRuleName=rule-0",
            ruleLinks[$"A{RowOf(rules, "rule-0")}"]);
        Assert.Equal(
            "https://eu-west-1.console.aws.amazon.com/config/home?region=eu-west-1#/rules/details?configRuleName=rule-1",
            ruleLinks[$"A{RowOf(rules, "rule-1")}"]);

        // rule-4 is only non-compliant in cn-north-1: no commercial console page to point at.
        Assert.False(ruleLinks.ContainsKey($"A{RowOf(rules, "rule-4")}"));
    }

    [Fact]
    public async Task Links_are_relationships_and_stop_at_excels_limit_per_sheet()
    {
        var count = WorksheetWriter.MaxHyperlinks + 20;
        var findings = Enumerable.Range(0, count).Select(n => SampleReports.Finding(0, n));
        var content = SampleReports.Content(1, 0) with { Findings = findings.ToAsyncEnumerable() };

        var bytes = await SampleReports.WriteAsync(content);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Findings");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var hyperlinks = part.Worksheet.Descendants<Hyperlink>().ToList();
        Assert.Equal(WorksheetWriter.MaxHyperlinks, hyperlinks.Count);
        Assert.Equal("F2", hyperlinks[0].Reference?.Value);
        Assert.Equal($"F{WorksheetWriter.MaxHyperlinks + 1}", hyperlinks[^1].Reference?.Value);
        var relationships = part.HyperlinkRelationships.ToDictionary(r => r.Id);
        Assert.Equal(WorksheetWriter.MaxHyperlinks, relationships.Count);
        Assert.All(hyperlinks.Take(100), h => Assert.True(relationships[h.Id!.Value!].IsExternal));
        Assert.Empty(part.Worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public async Task Summary_comes_first_and_every_sheet_prints_landscape_one_page_wide_with_run_id_and_page_number()
    {
        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(SampleReports.Content(4, 3, withHistory: true)));

        Assert.Equal(Sheets, book.GetProperty("sheets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        foreach (var name in Sheets)
        {
            var page = OpenPyxl.Sheet(book, name).GetProperty("page");
            Assert.Equal("landscape", page.GetProperty("orientation").GetString());
            Assert.True(page.GetProperty("fitToPage").GetBoolean(), $"{name} does not fit to page");
            Assert.Equal(1, page.GetProperty("fitToWidth").GetInt32());
            Assert.Equal(0, page.GetProperty("fitToHeight").GetInt32());
            var footer = page.GetProperty("footer");
            Assert.Contains("Run 2026-W48", footer.GetProperty("left").GetString(), StringComparison.Ordinal);
            Assert.Contains("Page &P of &N", footer.GetProperty("right").GetString(), StringComparison.Ordinal);
            Assert.Contains("&A", footer.GetProperty("center").GetString(), StringComparison.Ordinal);

            // Tables repeat their header row on every page; the Summary is a page of its own.
            var titles = page.GetProperty("printTitleRows");
            if (name == "Summary")
            {
                Assert.Equal(JsonValueKind.Null, titles.ValueKind);
            }
            else
            {
                Assert.Equal("$1:$1", titles.GetString());
            }
        }
    }

    [Fact]
    public async Task Findings_keep_the_order_given_and_owner_and_severity_read_back()
    {
        // The evaluate stage orders findings worst first; the writer streams them as given.
        var findings = new[]
        {
            SampleReports.Finding(0, 4) with { Owner = "payments" },
            SampleReports.Finding(1, 3) with { Owner = null },
            SampleReports.Finding(0, 0) with { Owner = "Unassigned" },
        };
        var content = SampleReports.Content(2, 0) with { Findings = findings.ToAsyncEnumerable() };

        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(content));

        var sheet = OpenPyxl.Sheet(book, "Findings");
        Assert.Equal(["Critical", "High", "Unrated"], Enumerable.Range(2, 3).Select(r => OpenPyxl.Cell(sheet, r, 8).GetProperty("v").GetString()));
        Assert.Equal("payments", OpenPyxl.Cell(sheet, 2, 9).GetProperty("v").GetString());
        Assert.Equal(JsonValueKind.Null, OpenPyxl.Cell(sheet, 3, 9).GetProperty("v").ValueKind);
        Assert.Equal("Unassigned", OpenPyxl.Cell(sheet, 4, 9).GetProperty("v").GetString());
    }

    private static Dictionary<string, string> Links(JsonElement sheet) =>
        sheet.GetProperty("links").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static int RowOf(JsonElement sheet, string firstCell)
    {
        var rows = sheet.GetProperty("rows");
        for (var i = 0; i < rows.GetArrayLength(); i++)
        {
            if (rows[i][0].GetProperty("v").ValueKind == JsonValueKind.String && rows[i][0].GetProperty("v").GetString() == firstCell)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"No row starts with {firstCell}.");
    }
}
