using ComplianceReport.Client.Cli;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplianceReport.Client.Cluster;

/// <summary>
/// The port over an Orleans client. It connects on the first call, so help, version and bad
/// arguments never wait for a cluster.
/// </summary>
public sealed class OrleansComplianceApi(IConfiguration configuration) : IComplianceApi, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IHost? _host;
    private IGrainFactory? _grains;

    public async Task<RunStatus?> FindRunAsync(string? runId, CancellationToken cancellationToken) =>
        await (await ReportAsync(cancellationToken)).GetRunAsync(runId, cancellationToken);

    public async Task<RunStatus> GetRunStatusAsync(string runId, CancellationToken cancellationToken) =>
        await (await GrainsAsync(cancellationToken)).GetGrain<IReportRunGrain>(runId).GetStatusAsync(cancellationToken);

    public async Task<IReadOnlyList<RunStatus>> ListRunsAsync(CancellationToken cancellationToken) =>
        await (await ReportAsync(cancellationToken)).ListRunsAsync(cancellationToken);

    public async Task<RunStartResult> StartRunAsync(OnDemandRunRequest request, CancellationToken cancellationToken) =>
        await (await ReportAsync(cancellationToken)).StartOnDemandRunAsync(request, cancellationToken);

    public async Task<RunStatus?> DeliverAsync(string? runId, CancellationToken cancellationToken) =>
        await (await ReportAsync(cancellationToken)).DeliverAsync(runId, cancellationToken);

    public async Task<IReadOnlyList<AccountStanding>> GetStandingsAsync(string runId, CancellationToken cancellationToken) =>
        await (await GrainsAsync(cancellationToken)).GetGrain<IReportRunGrain>(runId).GetStandingsAsync(cancellationToken);

    public async Task<ReportSummary?> GetSummaryAsync(string runId, CancellationToken cancellationToken) =>
        await (await GrainsAsync(cancellationToken)).GetGrain<IReportRunGrain>(runId).GetSummaryAsync(cancellationToken);

    public async Task<AccountDetails> GetAccountAsync(string accountId, CancellationToken cancellationToken) =>
        await (await GrainsAsync(cancellationToken)).GetGrain<IAccountGrain>(accountId).GetDetailsAsync(cancellationToken);

    public async Task<AccountScanOutcome> RescanAsync(string accountId, CancellationToken cancellationToken) =>
        await (await GrainsAsync(cancellationToken)).GetGrain<IAccountGrain>(accountId)
            .ScanAsync(new ScanRequest(null, TimeSpan.Zero, Force: true, RunId: null), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            try
            {
                await _host.StopAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or OrleansException)
            {
                // The cluster may be gone already; there is nothing left to tell it.
            }

            _host.Dispose();
        }

        _connecting.Dispose();
    }

    private async Task<IReportGrain> ReportAsync(CancellationToken cancellationToken) =>
        (await GrainsAsync(cancellationToken)).GetGrain<IReportGrain>(ReportGrainKeys.Default);

    private async Task<IGrainFactory> GrainsAsync(CancellationToken cancellationToken)
    {
        if (_grains is not null)
        {
            return _grains;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_grains is null)
            {
                var host = BuildHost();
                try
                {
                    await host.StartAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    host.Dispose();
                    var port = configuration["Cluster:GatewayPort"] ?? "30000";
                    throw new CliFailureException(
                        $"No ComplianceReport silo answered (gateway port {port}): start one with 'dotnet run --project src/Demo', or set Cluster__* to reach yours. ({ex.GetType().Name})");
                }

                _host = host;
                _grains = host.Services.GetRequiredService<IGrainFactory>();
            }

            return _grains;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private IHost BuildHost()
    {
        try
        {
            return ClusterClientFactory.Build(configuration);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliFailureException($"Configuration error: {ex.Message}");
        }
    }
}
