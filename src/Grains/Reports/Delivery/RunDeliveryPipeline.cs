using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Reports.Delivery;

/// <summary>
/// The Delivering phase of a run: hands the built report to each sink in order, once. A sink's
/// result is saved before the next one starts, so a run resumed on another silo skips what was
/// already delivered.
/// </summary>
internal sealed class RunDeliveryPipeline(IEnumerable<IReportSink> sinks, ILogger logger)
{
    /// <param name="deliveries">The run's persisted results; updated in place.</param>
    /// <param name="saveAsync">Persists the run's state (with <paramref name="deliveries"/>).</param>
    public async Task DeliverAsync(ReportArtifact artifact, List<DeliveryResult> deliveries, Func<CancellationToken, Task> saveAsync, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks.OrderBy(x => x.Order))
        {
            if (deliveries.Exists(d => d.Sink == sink.Name && d.Succeeded))
            {
                continue; // Delivered before a resume: do not upload or ticket twice.
            }

            DeliveryResult result;
            try
            {
                result = await sink.DeliverAsync(artifact, deliveries.ToList(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = new DeliveryResult(sink.Name, false, null, null, $"{ex.GetType().Name}: {ex.Message}");
            }

            if (!result.Succeeded)
            {
                ReportRunLog.DeliveryFailed(logger, artifact.Run.RunId, sink.Name, result.Error ?? "unknown");
            }

            deliveries.RemoveAll(d => d.Sink == result.Sink);
            deliveries.Add(result);
            await saveAsync(cancellationToken);
        }
    }
}
