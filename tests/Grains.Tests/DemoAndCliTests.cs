using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

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
    public async Task The_workbook_jira_report_status_and_the_demo_summary_carry_the_same_totals()
    {
        var workbook = Directory.GetFiles(demo.OutputDirectory, "compliance-report-*.xlsx").Single();
        var summary = WorkbookRows.Read(workbook, "Summary");
        string Cell(string label) => summary.First(r => r.Length > 1 && r[0] == label)[1];
        var fromWorkbook = new Figures(
            int.Parse(Cell("Accounts"), CultureInfo.InvariantCulture),
            int.Parse(Cell("Accounts scanned (every region read)"), CultureInfo.InvariantCulture),
            int.Parse(Cell("Accounts partially scanned"), CultureInfo.InvariantCulture),
            int.Parse(Cell("Accounts failed (nothing read)"), CultureInfo.InvariantCulture),
            int.Parse(Cell("Accounts skipped (suspended, closing)"), CultureInfo.InvariantCulture),
            int.Parse(Cell("Non-compliant resources"), CultureInfo.InvariantCulture),
            Math.Round(double.Parse(Cell("Overall compliance"), CultureInfo.InvariantCulture) * 100, 1));

        // The ticket the dry run would send: its description's text.
        using var ticket = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(demo.OutputDirectory, "jira-ticket-*.json").Single()));
        var jira = string.Join(" ", ticket.RootElement.GetProperty("requests").EnumerateArray()
            .Select(r => r.TryGetProperty("body", out var body) ? body.GetRawText() : string.Empty));
        var accounts = Regex.Match(jira, @"Accounts: (\d+) in scope, (\d+) scanned, (\d+) partially scanned, (\d+) failed, (\d+) skipped");
        var resources = Regex.Match(jira, @"Non-compliant resources: ([\d,]+) in");
        var compliance = Regex.Match(jira, @"Compliance: "".*?""text"":\s*""([\d.]+)%", RegexOptions.Singleline);
        var fromJira = new Figures(
            Int(accounts, 1), Int(accounts, 2), Int(accounts, 3), Int(accounts, 4), Int(accounts, 5),
            int.Parse(resources.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture),
            Double(compliance, jira));

        var status = await DemoProcess.RunCliAsync(demo.ClientEnvironment, "report", "status", "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        using var json = JsonDocument.Parse(status.Output);
        var totals = json.RootElement.GetProperty("totals");
        int Total(string name) => totals.GetProperty(name).GetInt32();
        var fromCli = new Figures(
            Total("accounts"), Total("accountsScanned"), Total("accountsPartial"), Total("accountsFailed"), Total("accountsSkipped"),
            Total("nonCompliantResources"), Math.Round(totals.GetProperty("compliancePercent").GetDouble(), 1));

        // The demo's printed summary (a grid that may wrap at the terminal's width).
        var printedAccounts = Regex.Match(demo.Output, @"Accounts\s+(\d+)\s+in\s+the\s+report:\s+(\d+)\s+scanned,\s+(\d+)\s+partially\s+scanned,\s+(\d+)\s+failed,\s+(\d+)\s+skipped");
        var printedResources = Regex.Match(demo.Output, @"Non-compliant\s+(\d+)\s+resources");
        var printedCompliance = Regex.Match(demo.Output, @"Compliance\s+([\d.]+)\s*%");
        var fromDemo = new Figures(
            Int(printedAccounts, 1), Int(printedAccounts, 2), Int(printedAccounts, 3), Int(printedAccounts, 4), Int(printedAccounts, 5),
            Int(printedResources, 1),
            Double(printedCompliance, demo.Output));

        Assert.Equal(DemoProcess.Accounts + 1, fromWorkbook.Accounts);
        Assert.Equal(fromWorkbook.Accounts, fromWorkbook.Scanned + fromWorkbook.Partial + fromWorkbook.Failed + fromWorkbook.Skipped);
        Assert.True(fromWorkbook.Partial > 0, "the demo has regions without Config: those accounts are partially scanned");
        Assert.Equal(fromWorkbook, fromJira);
        Assert.Equal(fromWorkbook, fromCli);
        Assert.Equal(fromWorkbook, fromDemo);
    }

    private static int Int(Match match, int group) =>
        match.Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"Pattern not found: {match}");

    private static double Double(Match match, string text) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"No compliance figure in: {text}");

    private sealed record Figures(int Accounts, int Scanned, int Partial, int Failed, int Skipped, int NonCompliantResources, double CompliancePercent);

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
            .GetProperty("accountId").GetString()!;
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
            .GetProperty("accountId").GetString()!;

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
