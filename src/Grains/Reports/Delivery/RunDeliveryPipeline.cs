using System.Globalization;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.Grains.Reports.Delivery;

/// <summary>
/// The Delivering phase of a run: hands the built report to each sink in order, once. A sink's
/// result is saved before the next one starts, and sinks journal their intents in the run's
/// state, so a run resumed on another silo skips what was delivered and checks what may have been.
/// Silos share no disk: when the workbook is not on this silo's disk it is rebuilt from the
/// persisted scans first. The whole phase is bounded by <c>Report:DeliveryTimeout</c>.
/// </summary>
internal sealed class RunDeliveryPipeline(IEnumerable<IReportSink> sinks, TimeSpan deadline, ILogger logger)
{
    /// <param name="runId">The run, for the log.</param>
    /// <param name="state">The run's state: its workbook path, deliveries and journal are updated in place.</param>
    /// <param name="artifactFor">The report's figures for the workbook at a path.</param>
    /// <param name="rebuildAsync">Writes the workbook again from the persisted scans; returns its path.</param>
    /// <param name="saveAsync">Persists the run's state.</param>
    public async Task DeliverAsync(
        string runId,
        RunState state,
        Func<string, ReportArtifact> artifactFor,
        Func<CancellationToken, Task<string>> rebuildAsync,
        Func<CancellationToken, Task> saveAsync,
        CancellationToken cancellationToken)
    {
        var ordered = sinks.OrderBy(x => x.Order).ToList();
        if (ordered.TrueForAll(sink => state.Deliveries.Exists(d => d.Sink == sink.Name && d.Succeeded)))
        {
            return;
        }

        if (state.WorkbookPath is null || !File.Exists(state.WorkbookPath))
        {
            var lost = state.WorkbookPath ?? "(none)";
            state.WorkbookPath = await rebuildAsync(cancellationToken);
            ReportRunLog.WorkbookRebuilt(logger, runId, lost, state.WorkbookPath);
            await saveAsync(cancellationToken);
        }

        var artifact = artifactFor(state.WorkbookPath);
        var journal = new RunDeliveryJournal(state.DeliveryJournal, saveAsync);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(deadline);
        foreach (var sink in ordered)
        {
            if (state.Deliveries.Exists(d => d.Sink == sink.Name && d.Succeeded))
            {
                continue; // Delivered before a resume or a redelivery: do not upload or ticket twice.
            }

            DeliveryResult result;
            try
            {
                result = await sink.DeliverAsync(artifact, state.Deliveries.ToList(), journal, bounded.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = new DeliveryResult(sink.Name, false, null, null, string.Create(CultureInfo.InvariantCulture, $"Delivery did not finish within Report:DeliveryTimeout ({deadline})."));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = new DeliveryResult(sink.Name, false, null, null, $"{ex.GetType().Name}: {ex.Message}");
            }

            if (!result.Succeeded)
            {
                ReportRunLog.DeliveryFailed(logger, artifact.Run.RunId, sink.Name, result.Error ?? "unknown");
            }

            state.Deliveries.RemoveAll(d => d.Sink == result.Sink);
            state.Deliveries.Add(result);
            await saveAsync(cancellationToken);
        }
    }
}
