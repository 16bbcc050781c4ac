using System.Text.Json;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Client.Tests;

public sealed class ExceptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-exceptions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Check_of_a_valid_file_counts_its_entries()
    {
        var file = Write("""
            exceptions:
              - id: legacy-bucket
                rules: [s3-bucket-public-read-prohibited]
                owner: web-team
                reason: public until the CDN migration
                approved: 2026-11-01
                approvedBy: ciso@example.com
                expires: 2027-03-01
            """);

        var result = await Cli.RunAsync(new FakeComplianceApi(), "exceptions", "check", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{file}: valid, 1 entries (1 active, 0 expired).", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_an_invalid_file_lists_every_problem_with_its_line_and_exits_2()
    {
        var file = Write("""
            exceptions:
              - id: a
                rules: [x]
                colour: red
            """);

        var result = await Cli.RunAsync(new FakeComplianceApi(), "exceptions", "check", file);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{file}:2: exceptions[0].owner: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:4: exceptions[0].colour: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_of_a_missing_file_exits_2_naming_it()
    {
        var missing = Path.Combine(_directory, "nope.yaml");

        var result = await Cli.RunAsync(new FakeComplianceApi(), "exceptions", "check", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{missing}: cannot be read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_what_each_entry_of_the_latest_run_covered()
    {
        var api = Samples.Cluster();
        var entry = new AcceptedRisk("legacy-bucket", [], [], ["s3-bucket-public-read-prohibited"], [], [], "web-team", "public until the CDN migration", "SEC-7", new DateOnly(2026, 11, 1), "ciso@example.com", new DateOnly(2027, 3, 1), 2);
        var old = entry with { Id = "old-vpn", Expires = new DateOnly(2026, 11, 30) };
        api.Summaries["2026-W49"] = new ReportSummary(Samples.Totals with { AcceptedFindings = 5 }, [], [], [], null, [new ExceptionUsage(entry, false, 5, 0), new ExceptionUsage(old, true, 0, 2)]);

        var table = await Cli.RunAsync(api, "exceptions", "list");
        Assert.Equal(0, table.ExitCode);
        Assert.Single(table.Lines, l => l.Contains("legacy-bucket", StringComparison.Ordinal) && l.Contains("active", StringComparison.Ordinal) && l.Contains("2027-03-01", StringComparison.Ordinal));
        Assert.Single(table.Lines, l => l.Contains("old-vpn", StringComparison.Ordinal) && l.Contains("expired", StringComparison.Ordinal));
        Assert.Contains("5 findings accepted", table.Output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse((await Cli.RunAsync(api, "exceptions", "list", "--json")).Output);
        Assert.Equal(5, json.RootElement[0].GetProperty("covered").GetInt32());
        Assert.Equal(2, json.RootElement[1].GetProperty("countingAgain").GetInt32());
    }

    [Fact]
    public async Task List_of_a_run_not_yet_evaluated_exits_1()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "exceptions", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Run 2026-W49 has no evaluated report", result.Error, StringComparison.Ordinal);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "exceptions.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
