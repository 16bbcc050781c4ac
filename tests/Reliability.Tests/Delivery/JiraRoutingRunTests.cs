using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.JiraListener;
using Orleans.TestingHost;

namespace ComplianceReport.Reliability.Tests.Delivery;

/// <summary>
/// Jira:Routing on a production-wired silo: the run grain streams the evaluated findings to the
/// Jira sink, which files one sub-task per mapped owner whose CSV holds exactly the owner's count,
/// and the next week's issue links the week before.
/// </summary>
[Collection(DeliveryFaultCollection.Name)]
public sealed partial class JiraRoutingRunTests(DeliveryFaultFixture fixture)
{
    private const string JiraEmail = "bot@example.com";
    private const string JiraToken = "jira-routing-token-7c1d";

    // The simulator's teams but two, so that some owners stay on the week's issue.
    private static readonly string[] Mapped = ["identity", "data-platform", "search", "checkout", "mobile", "analytics", "billing", "logistics", "marketing", "ml-platform", "observability", "edge"];

    [Fact]
    public async Task Two_weeks_give_one_issue_per_week_one_sub_task_per_mapped_owner_with_its_findings_and_a_link_between_weeks()
    {
        await using var jira = new FakeJira(3, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraEmail}:{JiraToken}")));
        var output = Directory.CreateTempSubdirectory("compliance-routing-run-").FullName;
        var simulator = fixture.Simulator;
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = simulator.ManagementAccountId,
            ["Aws:ServiceUrl"] = simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Scan:MaxConcurrentAccounts"] = "8",
            ["Scan:RequestsPerSecond"] = "20",
            ["Report:OutputDirectory"] = output,
            ["Jira:BaseUrl"] = jira.BaseUrl,
            ["Jira:ProjectKey"] = "SEC",
            ["Jira:Email"] = JiraEmail,
            ["Jira:ApiToken"] = JiraToken,
            ["Jira:SearchLag"] = "00:00:01",
            ["Jira:Routing:Enabled"] = "true",
            ["Jira:Routing:ResolvedTransition"] = "Done",
        };
        for (var i = 0; i < simulator.Organization.Regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = simulator.Organization.Regions[i];
        }

        for (var i = 0; i < Mapped.Length; i++)
        {
            settings[$"Jira:Routing:Owners:{Mapped[i]}:AccountId"] = string.Create(CultureInfo.InvariantCulture, $"5b10ac8d82e05b22cc7d{i:D4}");
        }

        var cluster = await ComplianceTestCluster.StartAsync(settings);
        try
        {
            var first = await RunAsync(cluster, "2026-W40");
            var second = await RunAsync(cluster, "2026-W41");

            Assert.Empty(jira.Problems);
            var weekIssues = jira.Issues.Where(i => i.ParentKey is null).ToList();
            Assert.Equal(2, weekIssues.Count);
            var week40 = Assert.Single(weekIssues, i => i.Labels.Contains("compliance-report-2026-W40"));
            var week41 = Assert.Single(weekIssues, i => i.Labels.Contains("compliance-report-2026-W41"));
            Assert.Equal(week40.Key, first.Deliveries.Single(d => d.Sink == "jira").Location);
            Assert.Equal(week41.Key, second.Deliveries.Single(d => d.Sink == "jira").Location);
            Assert.Equal(week40.Key, Assert.Single(week41.Links).Key);

            var subTasks40 = jira.Issues.Where(i => i.ParentKey == week40.Key).ToList();
            Assert.NotEmpty(subTasks40);
            Assert.Equal(subTasks40.Count, jira.Issues.Count(i => i.ParentKey == week41.Key));
            Assert.Equal(subTasks40.Count, subTasks40.Select(i => i.Labels.Single(l => l.StartsWith("compliance-owner-", StringComparison.Ordinal))).Distinct().Count());
            foreach (var item in subTasks40)
            {
                var slug = item.Labels.Single(l => l.StartsWith("compliance-owner-", StringComparison.Ordinal))["compliance-owner-".Length..];
                Assert.Contains(slug, Mapped);
                var count = int.Parse(CountInSummary().Match(item.Fields["summary"]!.GetValue<string>()).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                var multipart = Encoding.UTF8.GetString(Assert.Single(item.Attachments));
                var start = multipart.IndexOf("Account,Account name", StringComparison.Ordinal);
                var rows = multipart[start..multipart.IndexOf("\r\n--", start, StringComparison.Ordinal)].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(count + 1, rows.Length);
                Assert.Empty(item.Comments);
            }
        }
        finally
        {
            await ComplianceTestCluster.StopAsync(cluster);
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<RunStatus> RunAsync(InProcessTestCluster cluster, string week)
    {
        await cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartWeeklyRunAsync(week, RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.UntilAsync(cluster.Client, week, s => s.IsFinished, TimeSpan.FromSeconds(90));
        Assert.True(status.Phase == RunPhase.Completed, $"run {week} ended {status.Phase}: {string.Join("; ", status.Deliveries.Select(d => $"{d.Sink}: {d.Error}"))}");
        return status;
    }

    [GeneratedRegex(@": ([0-9,]+) non-compliant")]
    private static partial Regex CountInSummary();
}
