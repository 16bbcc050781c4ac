using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Silo.Hosting;

/// <summary>Registers the weekly reminder once the silo is up (idempotent; every silo may do it).</summary>
internal sealed partial class ScheduleRegistrationService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    ILogger<ScheduleRegistrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls only succeed once the silo has joined the cluster, i.e. after the host started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetResult()))
        {
            await started.Task;
        }

        // A silo that failed to start (a port taken at bind time) stops before it started: nothing
        // to register, and no second failure to report after the one line that named the cause.
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).EnsureScheduleAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScheduleFailed(logger, ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 2 * attempt)), stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Registering the weekly schedule failed (attempt {Attempt}); retrying")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, int attempt);
}
