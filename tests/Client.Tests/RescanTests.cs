using System.Text.Json;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;

namespace ComplianceReport.Client.Tests;

public sealed class RescanTests
{
    private static readonly string[] Ids = Enumerable.Range(1, 20).Select(i => (100000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static FakeComplianceApi ClusterOf20()
    {
        var api = Samples.Cluster();
        api.Standings["2026-W49"] = Ids.Select(id => new AccountStanding(Samples.Summary(id, "a" + id, AccountScanStatus.Scanned, 1), ResolvedOwner.Unassigned, SeverityCounts.Zero, 0)).ToList();
        return api;
    }

    [Fact]
    public async Task Twenty_concurrent_rescans_ten_times_all_answer()
    {
        for (var round = 0; round < 10; round++)
        {
            var result = await Cli.RunAsync(ClusterOf20(), 240, ["rescan", .. Ids, "--json"]);

            Assert.True(result.ExitCode == 0, result.Error);
            using var json = JsonDocument.Parse(result.Output);
            var ids = json.RootElement.EnumerateArray().Select(r => r.GetProperty("accountId").GetString()).ToList();
            Assert.Equal(Ids, ids);
        }
    }

    [Fact]
    public async Task One_account_that_cannot_be_scanned_fails_the_command_and_names_the_count()
    {
        var api = Samples.Cluster();
        api.RescanOutcomes["333333333333"] = new AccountScanOutcome(Samples.Summary("333333333333", "legacy", AccountScanStatus.Failed, 0, null), [], [], new Dictionary<string, int>(), false, null, Samples.At, AwsCallCount.None);

        var result = await Cli.RunAsync(api, 240, "rescan", "111111111111", "333333333333", "444444444444");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1 of 3 accounts could not be scanned.", result.Error.Trim());
        Assert.Contains("role not found or not trusted", result.Output, StringComparison.Ordinal);
        Assert.Contains("444444444444", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_accounts_are_refused_before_anything_is_scanned()
    {
        var api = Samples.Cluster();

        var result = await Cli.RunAsync(api, "rescan", "111111111111", "123456789012", "210987654321");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Accounts 123456789012, 210987654321 are not in the organization", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("rescan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rescan_csv_has_one_row_per_distinct_account()
    {
        var result = await Cli.RunAsync(Samples.Cluster(), "rescan", "111111111111", "111111111111", "444444444444", "-o", "csv");

        var rows = CsvText.Parse(result.Output);
        Assert.Equal(["accountId", "status", "nonCompliantResources", "compliancePercent", "traceId", "error"], rows[0]);
        Assert.Equal(["111111111111", "444444444444"], rows.Skip(1).Select(r => r[0]));
    }
}
