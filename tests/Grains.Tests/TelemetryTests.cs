using System.Diagnostics;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TelemetryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_run_is_one_trace_with_one_scan_span_per_account_and_aws_calls_beneath()
    {
        // Let earlier tests' scans age past Scan:ResultMaxAge so every account is scanned again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var report = fixture.Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var started = (await report.StartOnDemandRunAsync(new OnDemandRunRequest(null), CancellationToken.None)).Run;
        var status = await RunWaiter.FinishedAsync(fixture.Grains, started.RunId);
        Assert.Equal(RunPhase.Completed, status.Phase);
        Assert.NotNull(status.TraceId);

        // Spans end after the run records itself; give the exporter a moment.
        await Task.Delay(500);
        var spans = fixture.SpansOf(status.TraceId!);
        var root = Assert.Single(spans, s => s.OperationName == "report.run");
        Assert.Equal(default, root.ParentSpanId);

        var scans = spans.Where(s => s.OperationName == "account.scan").ToList();
        var accountIds = scans.Select(s => (string)s.GetTagItem("cloud.account.id")!).ToList();
        Assert.Equal(fixture.Simulator.Organization.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal), accountIds.Order(StringComparer.Ordinal));

        var byId = spans.ToDictionary(s => s.SpanId);
        var awsCalls = spans.Where(s => s.Source.Name == "ComplianceReport.Aws").ToList();
        Assert.NotEmpty(awsCalls);
        Assert.All(awsCalls, call =>
        {
            Assert.Equal("aws-api", call.GetTagItem("rpc.system"));
            Assert.NotNull(call.GetTagItem("rpc.method"));
            Assert.Contains(Ancestors(call, byId), a => a == root);
        });
        Assert.Contains(awsCalls, c => (string?)c.GetTagItem("rpc.method") == "GetComplianceDetailsByConfigRule"
            && Ancestors(c, byId).Any(a => a.OperationName == "account.scan"));
        Assert.Contains(awsCalls, c => c.GetTagItem("aws.request_id") is string { Length: > 0 });

        // A denied account's span says why, as an error.
        var deniedId = fixture.Simulator.Organization.Accounts.First(a => a.IsDenied && !a.IsSuspended).Id;
        var denied = Assert.Single(scans, s => (string)s.GetTagItem("cloud.account.id")! == deniedId);
        Assert.Equal(ActivityStatusCode.Error, denied.Status);
        Assert.Contains("role not found or not trusted", denied.StatusDescription, StringComparison.Ordinal);
        Assert.Contains(denied.Events, e => e.Name == "exception");

        var region = spans.First(s => s.OperationName == "account.scan.region");
        Assert.NotNull(region.GetTagItem("cloud.region"));
    }

    [Fact]
    public async Task A_rescan_started_by_a_client_shares_the_clients_trace()
    {
        var account = fixture.Simulator.Organization.Accounts.First(a => !a.IsDenied && !a.IsSuspended && !a.IsManagement);
        // As the CLI does: a recorded root span of its own, current while it calls the cluster.
        using var cli = new Activity("cli.rescan").SetIdFormat(ActivityIdFormat.W3C);
        cli.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        cli.Start();

        var outcome = await fixture.Grains.GetGrain<IAccountGrain>(account.Id)
            .ScanAsync(new ScanRequest(null, TimeSpan.Zero, Force: true, RunId: null), CancellationToken.None);
        cli.Stop();

        Assert.Equal(AccountScanStatus.Scanned, outcome.Summary.Status);
        Assert.Equal(cli.TraceId.ToString(), outcome.TraceId);
        await Task.Delay(500);
        Assert.Contains(fixture.SpansOf(cli.TraceId.ToString()), s => s.OperationName == "account.scan");
    }

    [Fact]
    public void No_span_carries_a_secret()
    {
        List<Activity> spans;
        lock (fixture.Spans)
        {
            spans = [.. fixture.Spans];
        }

        Assert.NotEmpty(spans);
        foreach (var span in spans)
        {
            var values = span.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty)
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString() ?? string.Empty)))
                .Append(span.StatusDescription ?? string.Empty);
            Assert.DoesNotContain(values, v => v.Contains(SimulatorOptions.DefaultHubSecret, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        var current = span;
        while (byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            yield return parent;
            current = parent;
        }
    }
}
