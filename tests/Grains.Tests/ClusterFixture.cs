using System.Diagnostics;
using ComplianceReport.AwsSimulator;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans.TestingHost;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// One in-process silo wired exactly as production (the real adapters, workbook and delivery),
/// against the AWS simulator: 100 member accounts, some denied, some without Config, some suspended.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public SimulatorApp Simulator { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string OutputDirectory { get; } = Directory.CreateTempSubdirectory("compliance-grains-").FullName;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Every span the silo exported (the in-memory exporter stands in for OTLP).</summary>
    public List<Activity> Spans { get; } = [];

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = 100,
            Seed = 7,
            LatencyMs = 5,
            DenyAccounts = 3,
            NoConfigAccounts = 3,
            SuspendedAccounts = 2,
        });

        Cluster = await ComplianceTestCluster.StartAsync(
            Settings(),
            silo =>
            {
                silo.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
                silo.AddActivityPropagation();
            },
            client => client.AddActivityPropagation());
    }

    /// <summary>The exported spans of one trace (the exporter's list is filled from other threads).</summary>
    public List<Activity> SpansOf(string traceId)
    {
        lock (Spans)
        {
            return Spans.Where(s => s.TraceId.ToString() == traceId).ToList();
        }
    }

    public async Task DisposeAsync()
    {
        await ComplianceTestCluster.StopAsync(Cluster);
        await Simulator.DisposeAsync();
        Directory.Delete(OutputDirectory, recursive: true);
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = Simulator.ManagementAccountId,
            ["Aws:ServiceUrl"] = Simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws:Region"] = "us-east-1",
            ["Scan:RequestsPerSecond"] = "50",
            ["Scan:MaxConcurrentAccounts"] = "32",

            // Every run scans again, so a run is long enough to interrupt.
            ["Scan:ResultMaxAge"] = "00:00:01",
            ["Report:OutputDirectory"] = OutputDirectory,
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
        };
        for (var i = 0; i < Simulator.Organization.Regions.Count; i++)
        {
            settings[$"Organization:Regions:{i}"] = Simulator.Organization.Regions[i];
        }

        return settings;
    }
}
