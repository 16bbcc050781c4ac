using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Tests.Shared;

public static class RunWaiter
{
    /// <summary>Polls the run grain until the condition holds; grain calls that fail while the cluster heals are retried.</summary>
    public static async Task<RunStatus> UntilAsync(IGrainFactory grains, string runId, Func<RunStatus, bool> condition, TimeSpan? timeout = null)
    {
        var run = grains.GetGrain<IReportRunGrain>(runId);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(4));
        RunStatus? last = null;
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var call = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                last = await run.GetStatusAsync(call.Token).WaitAsync(TimeSpan.FromSeconds(25));
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lastError = ex;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Run {runId} stayed in {last?.Phase} ({last?.AccountsDone}/{last?.AccountsTotal}); last error: {lastError?.Message}");
    }

    public static Task<RunStatus> FinishedAsync(IGrainFactory grains, string runId) => UntilAsync(grains, runId, s => s.IsFinished);
}
