using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Reliability.Tests.Faults;

/// <summary>Throttling beyond the client's rate, rare 5xx and latency spikes are retried away: every region is read, exactly.</summary>
public sealed class TransientFaultTests(OverThrottledOrganizationFixture fixture) : IClassFixture<OverThrottledOrganizationFixture>
{
    [Fact]
    public async Task Throttling_at_half_the_clients_pace_rare_5xx_and_latency_spikes_lose_no_region()
    {
        var report = fixture.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var started = await report.StartWeeklyRunAsync("2026-W21", RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.UntilAsync(fixture.Grains, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(4));

        Assert.True(status.Phase == RunPhase.Completed, $"run ended {status.Phase}: {status.Error}");
        Assert.True(fixture.Simulator.Counters.ThrottledResponses > 0, "the simulator never throttled");
        Assert.True(fixture.Simulator.Counters.LatencySpikesInjected > 0, "the simulator never stalled a call");
        Assert.True(status.AwsCalls.Timeouts > 0, "the run record shows no timed-out attempt");
        Assert.True(status.Failures.Count == 0, $"regions lost to transient faults:\n{string.Join("\n", status.Failures.Select(f => $"{f.AccountId} {f.Region} {f.Error.Kind} {f.Error.Message}"))}");

        var organization = fixture.Simulator.Organization;
        var expected = organization.Accounts
            .SelectMany(a => organization.Regions.SelectMany(region => fixture.Simulator.GetRegion(a.Id, region).NonCompliant.Select(f => $"{a.Id}|{region}|{f.RuleName}|{f.ResourceId}")))
            .Order(StringComparer.Ordinal)
            .ToList();
        var findings = WorkbookRows.Read(status.WorkbookPath!, "Findings").Skip(1).Select(r => $"{r[0]}|{r[2]}|{r[3]}|{r[5]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, findings);
    }
}
