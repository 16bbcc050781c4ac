using System.Diagnostics;
using System.Globalization;
using ComplianceReport.AwsSimulator;
using Xunit.Abstractions;

namespace ComplianceReport.Simulator.Tests.Measurements;

/// <summary>
/// Prints the numbers recorded in tools/AwsSimulator/README.md: start time and memory at 10,000
/// accounts, memory after every account and region was generated, and requests/s served. No timing
/// is asserted; the test checks that every call was answered and that memory stays under 1 GiB.
/// Run: dotnet test tests/Simulator.Tests -c Release --filter Category=Measurement --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Measurement")]
public sealed class SimulatorMeasurements(ITestOutputHelper output)
{
    private const int Accounts = 10_000;
    private const int Workers = 16;

    [Fact]
    public async Task Standalone_simulator_with_10000_accounts()
    {
        await using var simulator = await SimulatorProcess.StartAsync("--port", "0", "--accounts", Accounts.ToString(CultureInfo.InvariantCulture));
        Report($"start to 'listening on': {simulator.StartTime.TotalSeconds:F2} s, working set {simulator.WorkingSetMiB():F0} MiB");

        using var http = new HttpClient();
        var client = new SignedClient(http, simulator.Endpoint);
        var hub = (SimulatorOptions.DefaultHubKeyId, SimulatorOptions.DefaultHubSecret, (string?)null);
        var listOrg = await client.AssumeRoleAsync(hub, $"arn:aws:iam::{simulator.ManagementAccountId}:role/system-config-report-generator-list-org-role");
        var accountIds = await ListAccountsAsync(client, listOrg);
        Assert.Equal(Accounts + 1, accountIds.Count);

        // Cold: one AssumeRole and one compliance page per region for every account (generates all data).
        var sessions = new (string, string, string?)[accountIds.Count];
        var failures = 0;
        var cold = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, accountIds.Count), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, _) =>
        {
            sessions[i] = await client.AssumeRoleAsync(hub, SimulatorApp.ReadRoleArn(accountIds[i]));
            foreach (var region in new[] { "us-east-1", "eu-west-1" })
            {
                var (status, _) = await client.ConfigAsync(sessions[i], region, "DescribeComplianceByConfigRule", new { });
                if (status != 200)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        cold.Stop();
        var coldRequests = accountIds.Count * 3;
        var afterCold = simulator.WorkingSetMiB();
        Report($"cold scan of {accountIds.Count} accounts x 2 regions: {coldRequests} requests in {cold.Elapsed.TotalSeconds:F1} s = {coldRequests / cold.Elapsed.TotalSeconds:F0} requests/s; working set {afterCold:F0} MiB");
        Assert.True(afterCold < 1024, $"the simulator should stay under 1 GiB with every account-region generated, used {afterCold:F0} MiB");

        // Warm: Config calls on 200 accounts whose data is cached, for a fixed time.
        var served = 0L;
        var warm = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(5);
        await Parallel.ForEachAsync(Enumerable.Range(0, Workers), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (worker, _) =>
        {
            for (var n = worker; warm.Elapsed < until; n += Workers)
            {
                var (status, _) = await client.ConfigAsync(sessions[n % 200], n % 2 == 0 ? "us-east-1" : "eu-west-1", "DescribeComplianceByConfigRule", new { });
                if (status != 200)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref served);
            }
        });
        warm.Stop();
        Report($"warm DescribeComplianceByConfigRule, {Workers} concurrent clients: {served} requests in {warm.Elapsed.TotalSeconds:F1} s = {served / warm.Elapsed.TotalSeconds:F0} requests/s; working set {simulator.WorkingSetMiB():F0} MiB");

        Assert.Equal(0, failures);
    }

    private static async Task<List<string>> ListAccountsAsync(SignedClient client, (string, string, string?) listOrg)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            using var response = await client.SendAsync(listOrg, "organizations", "us-east-1", "AWSOrganizationsV20161128.ListAccounts", "application/x-amz-json-1.1",
                token is null ? "{}" : System.Text.Json.JsonSerializer.Serialize(new { NextToken = token }));
            using var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(page.RootElement.GetProperty("Accounts").EnumerateArray().Select(a => a.GetProperty("Id").GetString()!));
            token = page.RootElement.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        return ids;
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
