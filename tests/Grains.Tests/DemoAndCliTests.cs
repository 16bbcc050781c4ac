using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ComplianceReport.Grains.Tests;

[Collection(DemoCollection.Name)]
public sealed class DemoAndCliTests(DemoProcess demo)
{
    [Fact]
    public void The_demo_writes_the_weeks_workbook_and_the_jira_ticket_it_would_create()
    {
        var workbook = Assert.Single(Directory.GetFiles(demo.OutputDirectory, "compliance-report-*.xlsx"));
        Assert.Matches(@"compliance-report-\d{4}-W\d{2}\.xlsx$", workbook);
        Assert.Contains("Scheduled", demo.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(demo.OutputDirectory, "*.json"));

        // The management account plus the members, every one on the Accounts sheet.
        var accounts = WorkbookRows.Read(workbook, "Accounts").Skip(1).Count(r => r.Length > 0 && r[0].Length == 12);
        Assert.Equal(DemoProcess.Accounts + 1, accounts);
        Assert.Contains("Completed", demo.Output, StringComparison.Ordinal);
        Assert.Contains("compliance", demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_exports_the_run_and_every_account_over_otlp()
    {
        var accounts = WorkbookRows.Read(Directory.GetFiles(demo.OutputDirectory, "*.xlsx").Single(), "Accounts")
            .Skip(1).Select(r => r[0]).Where(id => id.Length == 12).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string traces;
        do
        {
            traces = demo.Otlp.TraceText;
            if (accounts.All(a => traces.Contains(a, StringComparison.Ordinal)) && traces.Contains("report.run", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Contains("report.run", traces, StringComparison.Ordinal);
        Assert.Contains("account.scan", traces, StringComparison.Ordinal);
        Assert.Contains("cloud.account.id", traces, StringComparison.Ordinal);
        Assert.Contains("aws-api", traces, StringComparison.Ordinal);
        Assert.All(accounts, a => Assert.Contains(a, traces, StringComparison.Ordinal));
        Assert.DoesNotContain(AwsSimulator.SimulatorOptions.DefaultHubSecret, traces, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silo_serves_health_endpoints()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{demo.HttpPort}") };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_on_its_own_port_only()
    {
        using var http = new HttpClient();
        var dashboard = await http.GetStringAsync($"http://127.0.0.1:{demo.DashboardPort}/");
        Assert.Contains("Orleans Dashboard", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{demo.HttpPort}/")).StatusCode);
    }

    [Fact]
    public async Task Cli_lists_accounts_and_runs_and_rescans_one_account()
    {
        var accounts = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "accounts", "--json");
        Assert.True(accounts.ExitCode == 0, accounts.Error);
        using var json = JsonDocument.Parse(accounts.Output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(DemoProcess.Accounts + 1, rows.Count);

        var healthy = rows.First(r => r.GetProperty("status").GetString() == "Scanned" && !r.GetProperty("error").ValueKind.Equals(JsonValueKind.Object))
            .GetProperty("account").GetProperty("accountId").GetString()!;
        var rescan = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "rescan", healthy);
        Assert.True(rescan.ExitCode == 0, rescan.Error + rescan.Output);
        Assert.Contains(healthy, rescan.Output, StringComparison.Ordinal);

        var account = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "account", healthy);
        Assert.Equal(0, account.ExitCode);
        Assert.Contains("Trace id", account.Output, StringComparison.Ordinal);
        Assert.Contains("us-east-1", account.Output, StringComparison.Ordinal);

        var list = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "report", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Completed", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_rescan_of_a_denied_account_exits_1_with_the_reason()
    {
        var accounts = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "accounts", "--json");
        using var json = JsonDocument.Parse(accounts.Output);
        var denied = json.RootElement.EnumerateArray()
            .First(r => r.GetProperty("error").ValueKind == JsonValueKind.Object && r.GetProperty("error").GetProperty("kind").GetString() == "AccessDenied")
            .GetProperty("account").GetProperty("accountId").GetString()!;

        var rescan = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "rescan", denied, "--json");

        Assert.Equal(1, rescan.ExitCode);
        Assert.Contains("role not found or not trusted", rescan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_report_status_of_an_unknown_run_exits_1()
    {
        var result = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "report", "status", "1999-W01");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No run '1999-W01'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_bad_usage_exits_2_before_any_call()
    {
        var result = await DemoProcess.RunCliAsync(new Dictionary<string, string>(), "rescan", "12345");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'12345' is not an AWS account id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_with_no_silo_says_how_to_start_one()
    {
        var environment = new Dictionary<string, string> { ["Cluster__GatewayPort"] = TestSupport.FreePort.Next().ToString(CultureInfo.InvariantCulture) };

        var result = await DemoProcess.RunCliAsync(environment, "report", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No ComplianceReport silo answered", result.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Demo", result.Error, StringComparison.Ordinal);
    }
}
