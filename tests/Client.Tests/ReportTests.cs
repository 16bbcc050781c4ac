using System.Text.Json;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Client.Tests;

public sealed class ReportTests
{
    private static readonly DeliveryResult JiraDown = new("jira", false, null, null, "Jira answered 401 Unauthorized: check Jira:Email and the token");

    [Fact]
    public async Task Status_of_a_delivered_run_shows_its_figures_and_exits_0()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "report", "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("4 in the report: 2 scanned, 1 partially scanned, 1 failed, 0 skipped", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 critical, 10 high, 20 medium, 5 low, 5 unrated", result.Output, StringComparison.Ordinal);
        Assert.Contains("s3://bucket/2026/2026-W49/compliance-report-2026-W49.xlsx", result.Output, StringComparison.Ordinal);
        Assert.Contains("S3", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Status_shows_the_rate_each_operation_reached_and_its_throttled_share()
    {
        var api = new FakeComplianceApi();
        api.Runs.Add(Samples.Run("2026-W49", RunPhase.Completed) with
        {
            Pacing = [new("DescribeConfigRules", 40, 0, 2), new("GetComplianceDetailsByConfigRule", 400, 8, 4.5, 3.875)],
        });

        var result = await Cli.RunAsync(api, 240, "report", "status");

        // Where AWS throttled, the limit found (the next scheduled run starts there); an operation never throttled has none.
        Assert.Contains("GetComplianceDetailsByConfigRule: up to 4.5/s per account-region, 400 calls, 2.0 % throttled (AWS's limit found at 3.88/s)", result.Output, StringComparison.Ordinal);
        var describe = Assert.Single(result.Output.Split('\n'), line => line.Contains("DescribeConfigRules:", StringComparison.Ordinal));
        Assert.EndsWith("DescribeConfigRules: up to 2/s per account-region, 40 calls, 0.0 % throttled", describe.TrimEnd());
    }

    [Fact]
    public async Task Status_of_a_run_whose_delivery_failed_exits_1_naming_the_sink_and_the_retry()
    {
        var api = Samples.Cluster();
        api.Runs.Add(Samples.Run("2026-W50", RunPhase.CompletedWithErrors, JiraDown));

        var result = await Cli.RunAsync(api, "report", "status", "2026-W50");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAILED: Jira answered 401", result.Output, StringComparison.Ordinal);
        Assert.Equal("Run 2026-W50 completed, but delivery failed (Jira: Jira answered 401 Unauthorized: check Jira:Email and the token). Retry with 'report deliver 2026-W50'.", result.Error.Trim());
    }

    [Fact]
    public async Task Status_of_a_failed_run_exits_1_with_its_reason()
    {
        var api = Samples.Cluster();
        api.Runs.Add(Samples.Run("2026-W50", RunPhase.Failed));

        var result = await Cli.RunAsync(api, "report", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Run 2026-W50 failed: InvalidExceptionsFileException: exceptions.yaml:3: owner: is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_an_unknown_run_exits_1()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "report", "status", "1999-W01");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No run '1999-W01' is recorded: see 'report list'.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_json_carries_percentages_in_percent()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "report", "status", "--json");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(63.5, json.RootElement.GetProperty("totals").GetProperty("compliancePercent").GetDouble());
        Assert.Equal(60.0, json.RootElement.GetProperty("totals").GetProperty("previousCompliancePercent").GetDouble());
        Assert.Equal("Completed", json.RootElement.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Status_csv_is_field_value_pairs()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "report", "status", "-o", "csv");

        var rows = CsvText.Parse(result.Output);
        Assert.Equal(["field", "value"], rows[0]);
        Assert.Contains(rows, r => r[0] == "Run" && r[1] == "2026-W49");
        Assert.Contains(rows, r => r[0] == "Compliance" && r[1] == "63.5 %");
    }

    [Fact]
    public async Task Run_passes_new_and_no_deliver_and_prints_the_started_run()
    {
        var api = Samples.Cluster();

        var result = await Cli.RunAsync(api, "report", "run", "--new", "--no-deliver");

        Assert.Equal(0, result.ExitCode);
        Assert.True(api.LastRequest!.New);
        Assert.False(api.LastRequest.Deliver);
        Assert.Contains("2026-W49-ondemand-1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_while_one_is_in_progress_follows_it_and_says_so()
    {
        var api = Samples.Cluster();
        api.Runs.Add(Samples.Run("2026-W50", RunPhase.Scanning));
        api.AttachToRunning = true;

        var result = await Cli.RunAsync(api, "report", "run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Run 2026-W50 is already in progress: following it (use --new to start another).", result.Error, StringComparison.Ordinal);
        Assert.True(api.LastRequest!.Deliver);
    }

    [Fact]
    public async Task Run_wait_keeps_polling_through_a_lost_silo_and_exits_by_the_outcome()
    {
        var api = Samples.Cluster();
        api.StatusScript.Enqueue(() => Samples.Run("2026-W49-ondemand-1", RunPhase.Scanning));
        api.StatusScript.Enqueue(() => throw new InvalidOperationException("SiloUnavailableException: the gateway went away"));
        api.StatusScript.Enqueue(() => throw new InvalidOperationException("SiloUnavailableException: the gateway went away"));
        api.StatusScript.Enqueue(() => Samples.Run("2026-W49-ondemand-1", RunPhase.Delivering));
        api.StatusScript.Enqueue(() => Samples.Run("2026-W49-ondemand-1", RunPhase.CompletedWithErrors, JiraDown));

        var result = await Cli.RunAsync(api, "report", "run", "--wait");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Run 2026-W49-ondemand-1: Delivering", result.Output, StringComparison.Ordinal);
        Assert.Contains("Retry with 'report deliver 2026-W49-ondemand-1'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SiloUnavailable", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_wait_json_prints_only_the_final_json()
    {
        var api = Samples.Cluster();
        api.StatusScript.Enqueue(() => Samples.Run("2026-W49-ondemand-1", RunPhase.Completed));

        var result = await Cli.RunAsync(api, "report", "run", "--wait", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("Completed", json.RootElement.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Deliver_retries_the_failed_sinks_and_exits_0_once_delivered()
    {
        var api = Samples.Cluster();
        api.Runs.Add(Samples.Run("2026-W50", RunPhase.CompletedWithErrors, JiraDown));
        api.Redeliver = id => Samples.Run(id, RunPhase.Completed, new DeliveryResult("jira", true, "SEC-12", "https://jira/browse/SEC-12", null));

        var result = await Cli.RunAsync(api, "report", "deliver");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("deliver 2026-W50", api.Calls);
        Assert.Contains("SEC-12", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_refuses_a_run_still_in_progress()
    {
        var api = Samples.Cluster();
        api.Runs.Add(Samples.Run("2026-W50", RunPhase.Scanning));

        var result = await Cli.RunAsync(api, "report", "deliver", "2026-W50");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Run 2026-W50 is still Scanning", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("deliver", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_shows_every_run_in_a_table_and_in_csv()
    {
        var api = Samples.Cluster();
        api.Runs.Add(Samples.Run("2026-W49-ondemand-20261203061312079", RunPhase.CompletedWithErrors, JiraDown));

        var table = await Cli.RunAsync(api, "report", "list");
        Assert.All(table.Lines, line => Assert.True(line.Length <= 100, line));
        Assert.Single(table.Lines, l => l.Contains("2026-W49-ondemand-20261203061312079", StringComparison.Ordinal));
        Assert.Contains("2 runs", table.Output, StringComparison.Ordinal);

        var csv = CsvText.Parse((await Cli.RunAsync(api, "report", "list", "-o", "csv")).Output);
        Assert.Equal(3, csv.Count);
        Assert.Equal("63.5", csv[1][csv[0].ToList().IndexOf("compliancePercent")]);
    }
}
