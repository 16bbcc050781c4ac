using System.IO.Compression;
using System.Text.RegularExpressions;
using ComplianceReport.Compliance.Model;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Workbook.Tests;

/// <summary>AWS values that look like formulas must reach the reader as plain text.</summary>
public sealed partial class FormulaInjectionTests
{
    private static readonly string[] Payloads = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "=HYPERLINK(\"http://x\",\"y\")"];

    [Fact]
    public async Task Formula_like_values_stay_typed_text()
    {
        var findings = Payloads.Select((p, i) => SampleReports.Finding(0, i, name: p, annotation: p) with
        {
            AccountName = p,
            Owner = p,
            Tags = new Dictionary<string, string> { ["k"] = p },
        }).ToList();
        var content = SampleReports.Content(1, 0) with
        {
            Accounts = [SampleReports.Account(0) with { Account = SampleReports.Account(0).Account with { Name = "=1+1", OuPath = "@Root" } }],
            Findings = findings.ToAsyncEnumerable(),
        };

        var bytes = await SampleReports.WriteAsync(content);

        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                var xml = await reader.ReadToEndAsync();
                Assert.DoesNotMatch(FormulaElement(), xml);
            }
        }

        var book = await OpenPyxl.ReadAsync(bytes);
        var sheet = OpenPyxl.Sheet(book, "Findings");
        for (var i = 0; i < Payloads.Length; i++)
        {
            foreach (var column in new[] { 2, 7, 9, 11 })
            {
                var cell = OpenPyxl.Cell(sheet, i + 2, column);
                Assert.Equal("s", cell.GetProperty("t").GetString());
                Assert.Equal(Payloads[i], cell.GetProperty("v").GetString());
            }

            Assert.Equal("k=" + Payloads[i], OpenPyxl.Cell(sheet, i + 2, 13).GetProperty("v").GetString());
        }

        var accounts = OpenPyxl.Sheet(book, "Accounts");
        Assert.Equal("=1+1", OpenPyxl.Cell(accounts, 2, 2).GetProperty("v").GetString());
        Assert.Equal("s", OpenPyxl.Cell(accounts, 2, 2).GetProperty("t").GetString());
        Assert.Equal("@Root", OpenPyxl.Cell(accounts, 2, 3).GetProperty("v").GetString());
    }

    [Fact]
    public async Task Forbidden_characters_are_stripped_and_long_text_is_capped()
    {
        var content = SampleReports.Content(1, 0) with
        {
            Findings = new[]
            {
                SampleReports.Finding(0, 0, name: "bad\u0001na\u0008me\uFFFF", annotation: new string('x', 40_000)),
                SampleReports.Finding(0, 1, name: "lone \uD800 surrogate", annotation: "tab\tand\nnewline"),
            }.ToAsyncEnumerable(),
        };

        var book = await OpenPyxl.ReadAsync(await SampleReports.WriteAsync(content));
        var sheet = OpenPyxl.Sheet(book, "Findings");

        Assert.Equal("badname", OpenPyxl.Cell(sheet, 2, 7).GetProperty("v").GetString());
        Assert.Equal(32_767, OpenPyxl.Cell(sheet, 2, 11).GetProperty("v").GetString()!.Length);
        Assert.Equal("lone  surrogate", OpenPyxl.Cell(sheet, 3, 7).GetProperty("v").GetString());
        Assert.Equal("tab\tand\nnewline", OpenPyxl.Cell(sheet, 3, 11).GetProperty("v").GetString());
    }

    [GeneratedRegex("<(\\w+:)?f[ />]")]
    private static partial Regex FormulaElement();
}
