using System.Text.Json;

namespace ComplianceReport.Client.Tests;

public sealed class AccountsTests
{
    [Fact]
    public async Task The_table_fits_100_columns_with_ids_whole_and_long_names_cut()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), 100, "accounts");

        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Lines, line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        foreach (var id in new[] { "111111111111", "222222222222", "333333333333", "444444444444" })
        {
            Assert.Single(result.Lines, l => l.Contains(id, StringComparison.Ordinal));
        }

        Assert.Contains("…", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("payments-prod-with-a-very-long-account-name", result.Output, StringComparison.Ordinal);
        Assert.Contains("4 accounts in run 2026-W49", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wide_terminal_shows_every_column_whole()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), 240, "accounts");

        Assert.Contains("payments-prod-with-a-very-long-account-name", result.Output, StringComparison.Ordinal);
        Assert.Contains("OU path", result.Output, StringComparison.Ordinal);
        Assert.Contains("role not found or not trusted", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_is_signed_against_the_previous_scheduled_run_and_na_without_one()
    {
        var compared = await Cli.RunAsync(Samples.Cluster(), 240, "accounts");
        var first = Assert.Single(compared.Lines, l => l.Contains("111111111111", StringComparison.Ordinal));
        Assert.Contains("+2", first, StringComparison.Ordinal);
        Assert.Contains("-1", Assert.Single(compared.Lines, l => l.Contains("222222222222", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The first scheduled run has nothing to compare with: no change is not the same as zero.
        var api = Samples.Cluster();
        api.Runs[0] = api.Runs[0] with { Totals = Samples.Totals with { ComparedWithRunId = null } };
        var firstRun = await Cli.RunAsync(api, 240, "accounts");
        var row = Assert.Single(firstRun.Lines, l => l.Contains("111111111111", StringComparison.Ordinal));
        Assert.Contains("n/a", row, StringComparison.Ordinal);
        Assert.DoesNotContain("+2", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrow_terminal_still_gets_whole_lines_and_whole_ids()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), 60, "accounts");

        Assert.All(result.Lines, line => Assert.True(line.Length <= 60, $"{line.Length} columns: {line}"));
        Assert.Contains("111111111111", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_has_a_stable_shape_with_percentages_in_percent_and_plain_emails()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "accounts", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("aws+legacy@example.com", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        var first = rows[0];
        Assert.Equal("111111111111", first.GetProperty("accountId").GetString());
        Assert.Equal(40.0, first.GetProperty("compliancePercent").GetDouble());
        Assert.Equal("payments", first.GetProperty("owner").GetString());
        Assert.Equal("AccountTag", first.GetProperty("ownerSource").GetString());
        Assert.Equal(2, first.GetProperty("bySeverity").GetProperty("critical").GetInt32());
        Assert.Equal(2, first.GetProperty("change").GetInt32());
        Assert.Equal("AccessDenied", rows[2].GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("compliancePercent").ValueKind);
    }

    [Fact]
    public async Task The_json_alias_gives_the_same_output()
    {
        var json = await Cli.RunAsync(Samples.Cluster(), "accounts", "--json");
        var output = await Cli.RunAsync(Samples.Cluster(), "accounts", "-o", "json");

        Assert.Equal(output.Output, json.Output);
    }

    [Fact]
    public async Task Csv_parses_back_with_quoted_commas()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "accounts", "-o", "csv");

        var rows = CsvText.Parse(result.Output);
        Assert.Equal(5, rows.Count);
        var header = rows[0].ToList();
        Assert.All(rows, r => Assert.Equal(header.Count, r.Length));
        Assert.Equal("sandbox, shared", rows[2][header.IndexOf("name")]);
        Assert.Equal("80", rows[2][header.IndexOf("compliancePercent")]);
        Assert.Equal("Partial", rows[2][header.IndexOf("status")]);
        Assert.Equal("AccessDenied", rows[3][header.IndexOf("errorKind")]);
    }

    [Fact]
    public async Task Filters_and_sorting_pick_the_accounts_asked_for()
    {
        var failed = await Cli.RunAsync(Samples.Cluster(), "accounts", "--status", "failed", "-o", "csv");
        Assert.Equal(["333333333333"], CsvText.Parse(failed.Output).Skip(1).Select(r => r[0]));

        var payments = await Cli.RunAsync(Samples.Cluster(), "accounts", "--owner", "PAYMENTS", "-o", "csv");
        Assert.Equal(["111111111111", "444444444444"], CsvText.Parse(payments.Output).Skip(1).Select(r => r[0]));

        var worst = await Cli.RunAsync(Samples.Cluster(), "accounts", "--sort", "compliance", "--top", "2", "-o", "csv");
        Assert.Equal(["111111111111", "222222222222"], CsvText.Parse(worst.Output).Skip(1).Select(r => r[0]));

        var findings = await Cli.RunAsync(Samples.Cluster(), "accounts", "--sort", "findings", "--top", "1");
        Assert.Contains("1 of 4 accounts in run 2026-W49", findings.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_any_run_it_says_how_to_start_one()
    {
        var result = await Cli.RunAsync(new FakeComplianceApi(), "accounts");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No report has run yet: start one with 'report run --wait'.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_shows_one_account_with_its_regions_and_trace_id()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "account", "111111111111");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Trace id", result.Output, StringComparison.Ordinal);
        Assert.Contains("4bf92f3577b34da6a3ce929d0e0e4736", result.Output, StringComparison.Ordinal);
        Assert.Contains("1-4bf92f35-77b34da6a3ce929d0e0e4736", result.Output, StringComparison.Ordinal);
        Assert.Contains("us-east-1", result.Output, StringComparison.Ordinal);
        Assert.Contains("40.0 %", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_outside_the_organization_is_refused_without_touching_it()
    {
        var api = Samples.Cluster();

        var result = await Cli.RunAsync(api, "account", "123456789012");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Account 123456789012 is not in the organization (run 2026-W49 lists 4 accounts): nothing was done.", result.Error.Trim());
        Assert.DoesNotContain(api.Calls, c => c.Contains("123456789012", StringComparison.Ordinal));
    }
}
