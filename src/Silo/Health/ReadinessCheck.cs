using ComplianceReport.Grains.Interfaces.Reports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplianceReport.Silo.Health;

/// <summary>Ready when a grain call round-trips through the cluster and its storage.</summary>
internal sealed class ReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).GetRunAsync(null, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer a grain call.", ex);
        }
    }
}
