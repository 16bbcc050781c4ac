using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ComplianceReport.JiraListener;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Grains.Tests;

/// <summary>The demo as a new user meets it: started from their own folder, maybe twice at once.</summary>
[Collection(DemoCollection.Name)]
public sealed class DemoHostTests
{
    [Fact]
    public async Task Two_demos_at_once_from_another_directory_both_complete_and_write_their_own_workbooks_under_it()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-demo-caller-").FullName;
        try
        {
            // --once picks free ports, so neither waits for nor collides with the other (or the suite's demo).
            var runs = await Task.WhenAll(
                DemoProcess.RunDemoAsync(folder, "--once", "--accounts", "5"),
                DemoProcess.RunDemoAsync(folder, "--once", "--accounts", "5", "--seed", "2"));

            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output + r.Error));
            Assert.All(runs, r => Assert.Contains("Completed", r.Output, StringComparison.Ordinal));

            // The demo's own exceptions file puts accepted risk in the summary and the workbook.
            Assert.All(runs, r => Assert.Matches(@"Accepted risk\s+[1-9]\d* findings excepted", r.Output));
            var workbooks = Directory.GetFiles(Path.Combine(folder, "out"), "compliance-report-*.xlsx").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, workbooks.Count);
            Assert.Matches(@"^compliance-report-\d{4}-W\d{2}-2\.xlsx$", workbooks[0]);
            Assert.Matches(@"^compliance-report-\d{4}-W\d{2}\.xlsx$", workbooks[1]);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "out"), "jira-ticket-*.json").Length);

            // Each summary names the file it wrote, and the work folders are gone.
            Assert.All(runs, r => Assert.Contains(Path.Combine(folder, "out", "compliance-report-"), r.Output, StringComparison.Ordinal));
            Assert.Empty(Directory.GetDirectories(Path.Combine(folder, "out")));
            Assert.Equal(["out"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_readme_command_from_another_directory_writes_under_that_directory()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-demo-run-").FullName;
        try
        {
            var result = await DemoProcess.DotnetRunDemoAsync(folder, "--once", "--accounts", "2", "--out", "reports/weekly");

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            var workbook = Assert.Single(Directory.GetFiles(Path.Combine(folder, "reports", "weekly"), "compliance-report-*.xlsx"));
            Assert.Contains(workbook, result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_later_demo_in_the_same_folder_keeps_the_earlier_workbook()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-demo-again-").FullName;
        try
        {
            var first = await DemoProcess.RunDemoAsync(folder, "--once", "--accounts", "3", "--out", "reports");
            var firstWorkbook = Assert.Single(Directory.GetFiles(Path.Combine(folder, "reports"), "*.xlsx"));
            var firstBytes = await File.ReadAllBytesAsync(firstWorkbook);

            var second = await DemoProcess.RunDemoAsync(folder, "--once", "--accounts", "4", "--out", "reports");

            Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + first.Error + second.Output + second.Error);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "reports"), "*.xlsx").Length);
            Assert.Equal(firstBytes, await File.ReadAllBytesAsync(firstWorkbook));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_weeks_give_last_weeks_report_and_this_weeks_with_its_changes_since_then()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-demo-weeks-").FullName;
        try
        {
            var result = await DemoProcess.RunDemoAsync(folder, "--once", "--accounts", "8", "--weeks", "2");

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            var thisWeek = ComplianceReport.Compliance.IsoWeek.Of(DateTimeOffset.UtcNow);
            var lastWeek = ComplianceReport.Compliance.IsoWeek.Of(DateTimeOffset.UtcNow.AddDays(-7));
            Assert.Contains($"Run {lastWeek}: the scheduled report of {lastWeek} (1 week ago, simulated)", result.Output, StringComparison.Ordinal);

            // The simulated organization moved on between the weeks: this week's report counts both ways against last week's.
            Assert.Matches($@"Changes\s+[1-9]\d* new, [1-9]\d* resolved since {lastWeek}", result.Output);
            Assert.Equal(
                [$"compliance-report-{lastWeek}.xlsx", $"compliance-report-{thisWeek}.xlsx"],
                Directory.GetFiles(Path.Combine(folder, "out"), "compliance-report-*.xlsx").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_weeks_with_jira_route_each_mapped_owner_to_a_sub_task_and_move_the_fixed_owners_item_of_last_week_to_done()
    {
        const string Email = "report-bot@example.com";
        const string Token = "demo-test-token";
        await using var jira = new FakeJira(3, "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Email}:{Token}")));
        var folder = Directory.CreateTempSubdirectory("compliance-demo-jira-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["Jira__Email"] = Email, ["Jira__ApiToken"] = Token, ["Jira__SearchLag"] = "00:00:01" };
            var result = await DemoProcess.RunDemoAsync(folder, environment, "--once", "--accounts", "20", "--weeks", "2", "--jira", jira.BaseUrl);

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            Assert.Empty(jira.Problems);
            var lastWeek = ComplianceReport.Compliance.IsoWeek.Of(DateTimeOffset.UtcNow.AddDays(-7));
            var thisWeek = ComplianceReport.Compliance.IsoWeek.Of(DateTimeOffset.UtcNow);
            var weeks = jira.Issues.Where(i => i.ParentKey is null).ToList();
            var previous = Assert.Single(weeks, i => i.Labels.Contains($"compliance-report-{lastWeek}"));
            var current = Assert.Single(weeks, i => i.Labels.Contains($"compliance-report-{thisWeek}"));
            Assert.Equal(2, weeks.Count);
            Assert.Matches($@"Jira\s+{current.Key}", result.Output);
            Assert.Equal(previous.Key, Assert.Single(current.Links).Key);

            // One sub-task per mapped owner with findings; "platform" has no mapping and stays on the week's issue.
            var before = OwnersOf(jira, previous);
            var after = OwnersOf(jira, current);
            Assert.Equal(before.Count, before.Keys.Distinct().Count());
            Assert.DoesNotContain("platform", before.Keys);
            Assert.All(before.Keys.Concat(after.Keys), owner => Assert.Contains(owner, ComplianceReport.AwsSimulator.SimulatorApp.ResourceOwners));

            // The team that fixed everything in the simulated week: no item this week, last week's moved through Done with a comment.
            var fixedOwner = Assert.Single(before.Keys.Except(after.Keys));
            var done = before[fixedOwner];
            Assert.Equal(["Done"], done.Transitions);
            Assert.Equal(FakeJira.Done, done.Status);
            Assert.Single(done.Comments);
            Assert.All(before.Where(o => o.Key != fixedOwner), o => Assert.Empty(o.Value.Transitions));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, FakeIssue> OwnersOf(FakeJira jira, FakeIssue week) =>
        jira.Issues.Where(i => i.ParentKey == week.Key)
            .ToDictionary(i => i.Labels.Single(l => l.StartsWith("compliance-owner-", StringComparison.Ordinal))["compliance-owner-".Length..], StringComparer.Ordinal);

    [Fact]
    public async Task Jira_without_a_token_in_the_environment_stops_with_one_line_naming_the_variables()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-demo-jira-token-").FullName;
        try
        {
            var result = await DemoProcess.RunDemoAsync(folder, new Dictionary<string, string> { ["Jira__ApiToken"] = string.Empty }, "--once", "--accounts", "2", "--jira", "http://127.0.0.1:9/jira");

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains("Jira__ApiToken", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--jira", "not-a-url")]
    [InlineData("--accounts", "0")]
    [InlineData("--accounts", "many")]
    [InlineData("dmeo")]
    [InlineData("--acounts", "5")]
    [InlineData("--weeks", "9")]
    public async Task Bad_usage_exits_2_with_one_line(params string[] args)
    {
        var result = await DemoProcess.RunDemoAsync(Path.GetTempPath(), args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("Demo:Urls")]
    [InlineData("Cluster:SiloPort")]
    [InlineData("Cluster:GatewayPort")]
    public async Task A_taken_port_stops_the_demo_with_one_line_naming_the_port_and_its_key(string key)
    {
        var folder = Directory.CreateTempSubdirectory("compliance-demo-port-").FullName;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        try
        {
            // Every port free but the one held, so the line names exactly that one.
            var environment = new Dictionary<string, string>
            {
                ["Demo__Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            };
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = key == "Demo:Urls"
                ? $"http://127.0.0.1:{port}"
                : port.ToString(CultureInfo.InvariantCulture);

            var result = await DemoProcess.RunDemoAsync(folder, environment, "--accounts", "3");

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains($"Port {port} ({key}) is already in use", line, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ComplianceReport.", result.Output, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Help_shows_the_options_with_examples_and_version_prints_one()
    {
        var help = await DemoProcess.RunDemoAsync(Path.GetTempPath(), "--help");
        var version = await DemoProcess.RunDemoAsync(Path.GetTempPath(), "--version");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--once", help.Output, StringComparison.Ordinal);
        Assert.Contains("--accounts", help.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Demo -- --once --accounts 200", help.Output, StringComparison.Ordinal);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
    }
}
