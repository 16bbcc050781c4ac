using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Reliability.Tests.Support;

namespace ComplianceReport.Reliability.Tests.Faults;

[Collection(FaultyOrganizationCollection.Name)]
public sealed class FaultInjectionTests(FaultyOrganizationFixture fixture)
{
    [Fact]
    public async Task Under_every_fault_at_once_the_run_completes_and_accounts_for_every_account_and_region()
    {
        var report = fixture.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var started = await report.StartWeeklyRunAsync("2026-W20", RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.UntilAsync(fixture.Grains, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(4));

        Assert.True(status.Phase == RunPhase.Completed, $"run ended {status.Phase}: {status.Error}");
        var organization = fixture.Simulator.Organization;
        Assert.Equal(organization.Accounts.Count, status.AccountsTotal);
        Assert.Equal(organization.Accounts.Count, status.AccountsDone);

        // The faults really happened, so this test cannot pass by accident.
        var counters = fixture.Simulator.Counters;
        Assert.True(counters.ThrottledResponses > 0, "the simulator never throttled");
        Assert.True(counters.ErrorsInjected > 0, "the simulator never injected a 5xx");
        Assert.True(counters.MalformedResponsesInjected > 0, "the simulator never truncated an answer");
        Assert.True(counters.LatencySpikesInjected > 0, "the simulator never stalled a call past the client's timeout");

        // Retries are bounded and visible in the run record: every throttling answer and retried
        // attempt the scans met is counted there, and retries stay a fraction of the calls.
        Assert.True(status.AwsCalls.Throttles > 0, "the run record shows no throttling");
        Assert.True(status.AwsCalls.Retries > 0, "the run record shows no retry");
        Assert.True(
            status.AwsCalls.Retries < status.AwsCalls.Calls,
            $"{status.AwsCalls.Retries} retries for {status.AwsCalls.Calls} calls ({status.AwsCalls.Throttles} throttled, {status.AwsCalls.Timeouts} timed out; "
            + $"simulator: {counters.ThrottledResponses} throttled, {counters.ErrorsInjected} 5xx, {counters.LatencySpikesInjected} spikes of {counters.TotalRequests} requests)");
        Assert.True(status.AwsCalls.Timeouts > 0, "the run record shows no timed-out attempt");

        var path = status.WorkbookPath!;
        var accounts = WorkbookRows.Read(path, "Accounts").Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(organization.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal), accounts.Order(StringComparer.Ordinal));

        var errors = WorkbookRows.Read(path, "Errors").Skip(1).ToList();
        Assert.All(errors, e => Assert.True(e.Length > 4 && e[3].Length > 0 && e[4].Length > 10, $"imprecise error row: {string.Join(" | ", e)}"));

        foreach (var denied in organization.Accounts.Where(a => a.IsDenied && !a.IsSuspended))
        {
            var row = Assert.Single(errors, r => r[0] == denied.Id);
            Assert.Contains("AccessDenied", row[3], StringComparison.Ordinal);
        }

        foreach (var suspended in organization.Accounts.Where(a => a.IsSuspended))
        {
            Assert.Contains(errors, r => r[0] == suspended.Id && r[3].Contains("Suspended", StringComparison.Ordinal));
        }

        foreach (var noConfig in organization.Accounts.Where(a => a.RegionWithoutRecorder is not null && !a.IsDenied && !a.IsSuspended))
        {
            // A region without a recorder is reported as such, unless a fault hit its one call first.
            Assert.Contains(errors, r => r[0] == noConfig.Id && (r[2] == noConfig.RegionWithoutRecorder || IsWholeAccount(r)));
        }

        // Every account-region is either listed as an error with its reason or read exactly.
        var failed = errors.Select(e => (Account: e[0], Region: e[2])).ToHashSet();
        var expected = new List<string>();
        var healthyRegions = 0;
        foreach (var account in organization.Accounts.Where(a => !a.IsDenied && !a.IsSuspended))
        {
            foreach (var region in organization.Regions)
            {
                if (failed.Contains((account.Id, region)) || errors.Any(e => e[0] == account.Id && IsWholeAccount(e)))
                {
                    continue;
                }

                var data = fixture.Simulator.GetRegion(account.Id, region);
                Assert.True(data.HasRecorder, $"{account.Id} {region} has no recorder yet is not on the Errors sheet");
                healthyRegions++;
                expected.AddRange(data.NonCompliant.Select(f => Key(account.Id, region, f.RuleName, f.ResourceType, f.ResourceId, f.ResourceName)));
            }
        }

        var findings = WorkbookRows.Read(path, "Findings").Skip(1)
            .Where(r => !failed.Contains((r[0], r[2])) && !errors.Any(e => e[0] == r[0] && IsWholeAccount(e)))
            .Select(r => Key(r[0], r[2], r[3], r[4], r[5], r[6]))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), findings.Order(StringComparer.Ordinal));

        // Regions lost to faults are few enough that the report still says something.
        Assert.True(healthyRegions > 0, "no region at all was read");

        // The run record carries the same reasons as the workbook.
        Assert.Equal(errors.Count, status.Failures.Count);
        var jira = Assert.Single(status.Deliveries, d => d.Sink == "jira");
        Assert.True(jira.Succeeded, jira.Error);

        // Error messages quote AWS's answers; none of them may carry a credential.
        SecretScan.AssertClean("run record", string.Join("\n", status.Failures.Select(f => f.Error.Message)));
        SecretScan.AssertClean("workbook", SecretScan.WorkbookText(await File.ReadAllBytesAsync(path)));
        foreach (var ticket in Directory.GetFiles(fixture.OutputDirectory, "jira-ticket-*.json"))
        {
            SecretScan.AssertClean("Jira dry run", await File.ReadAllTextAsync(ticket));
        }
    }

    /// <summary>An error row for the whole account names no single region ("(all regions)").</summary>
    private bool IsWholeAccount(string[] errorRow) => !fixture.Simulator.Organization.Regions.Contains(errorRow[2]);

    private static string Key(string account, string region, string rule, string type, string id, string? name) =>
        $"{account}|{region}|{rule}|{type}|{id}|{name}";
}
