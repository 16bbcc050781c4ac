using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Grains.Tests;

public static class RunWaiter
{
    public static async Task<RunStatus> UntilAsync(IGrainFactory grains, string runId, Func<RunStatus, bool> condition, TimeSpan? timeout = null)
    {
        var run = grains.GetGrain<IReportRunGrain>(runId);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(4));
        while (true)
        {
            var status = await run.GetStatusAsync(CancellationToken.None);
            if (condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {runId} stayed in {status.Phase} ({status.AccountsDone}/{status.AccountsTotal}).");
            }

            await Task.Delay(100);
        }
    }

    public static Task<RunStatus> FinishedAsync(IGrainFactory grains, string runId) => UntilAsync(grains, runId, s => s.IsFinished);
}
