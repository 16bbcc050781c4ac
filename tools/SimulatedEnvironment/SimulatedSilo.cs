using System.Globalization;
using Amazon.Runtime;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Hosting;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReport.SimulatedEnvironment;

/// <summary>
/// The production silo in this process, pointed at the AWS simulator: a one-silo localhost cluster
/// with memory storage. Start it, start a run, poll it; dispose to stop. Bad configuration and
/// taken ports surface as <see cref="ConfigurationErrorException"/> before anything listens.
/// </summary>
public sealed class SimulatedSilo : IAsyncDisposable
{
    private SimulatedSilo(WebApplication app, ClusterSettings cluster, string urls)
    {
        App = app;
        Cluster = cluster;
        Urls = urls;
    }

    public WebApplication App { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The cluster settings in effect (ports included), as a CLI needs them to connect.</summary>
    public ClusterSettings Cluster { get; }

    /// <summary>Where the health endpoints listen.</summary>
    public string Urls { get; }

    public static async Task<SimulatedSilo> StartAsync(SimulatorConnection simulator, SimulatedSiloOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(options);

        // The content root is the app's own folder: an appsettings.json where the user stands is not ours.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(simulator.SiloConfiguration());
        builder.Configuration.AddInMemoryCollection(options.Configuration);
        var urls = options.Urls;
        if (options.FreePorts)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:SiloPort"] = Invariant(LoopbackPort.Free()),
                ["Cluster:GatewayPort"] = Invariant(LoopbackPort.Free()),
            });
            urls = $"http://127.0.0.1:{Invariant(LoopbackPort.Free())}";
        }

        if (options.EnvironmentWins)
        {
            builder.Configuration.AddEnvironmentVariables();
        }

        options.Logging(builder.Logging);
        builder.Services.AddSingleton<AWSCredentials>(SimulatorConnection.HubCredentials());
        builder.WebHost.UseUrls(urls);
        var cluster = builder.Configuration.ReadClusterSettings();
        StartupChecks.EnsurePortsFree([.. StartupChecks.ClusterPorts(cluster), .. StartupChecks.UrlPorts(options.UrlsKey, urls)]);
        builder.AddComplianceSilo();
        var app = builder.Build();
        try
        {
            StartupChecks.ValidateOptions(app.Services);
            app.MapComplianceEndpoints();
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SimulatedSilo(app, cluster, urls);
    }

    /// <summary>
    /// The current ISO week's scheduled run, started now as the weekly reminder would start it: named by
    /// its week in S3 and Jira, and the baseline the week's later on-demand runs compare with.
    /// </summary>
    public Task<RunStatus> StartScheduledRunAsync(CancellationToken cancellationToken = default) =>
        StartWeeklyRunAsync(IsoWeek.Of(DateTimeOffset.UtcNow), cancellationToken);

    /// <summary>The scheduled run of <paramref name="isoWeek"/>, as that week's reminder would have started it.</summary>
    public Task<RunStatus> StartWeeklyRunAsync(string isoWeek, CancellationToken cancellationToken = default) =>
        Grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartWeeklyRunAsync(isoWeek, RunTrigger.Scheduled, cancellationToken);

    /// <summary>Polls the run until it finishes; <paramref name="progress"/> sees every status read.</summary>
    public async Task<RunStatus> WaitAsync(string runId, TimeSpan pollInterval, Action<RunStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = Grains.GetGrain<IReportRunGrain>(runId);
        while (true)
        {
            var status = await run.GetStatusAsync(cancellationToken);
            progress?.Invoke(status);
            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
