using System.Diagnostics;
using System.Globalization;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.SimulatedEnvironment;
using Spectre.Console;

namespace ComplianceReport.Demo;

/// <summary>
/// Follows a run: on a terminal a live display (phase, accounts done, throttled calls); piped, one
/// plain line per phase and at most one every few seconds in between.
/// </summary>
public static class DemoProgress
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(5);

    public static Task<RunStatus> FollowAsync(SimulatedSilo silo, string runId, bool live, CancellationToken cancellationToken) =>
        live ? LiveAsync(silo, runId, cancellationToken) : PlainAsync(silo, runId, cancellationToken);

    private static Task<RunStatus> LiveAsync(SimulatedSilo silo, string runId, CancellationToken cancellationToken) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Discovering", maxValue: 1);
                var status = await silo.WaitAsync(
                    runId,
                    PollInterval,
                    s =>
                    {
                        task.MaxValue = Math.Max(1, s.AccountsTotal);
                        task.Value = s.AccountsDone;
                        task.Description = Markup.Escape(Line(s));
                    },
                    cancellationToken);
                task.Value = task.MaxValue;
                task.StopTask();
                return status;
            });

    private static Task<RunStatus> PlainAsync(SimulatedSilo silo, string runId, CancellationToken cancellationToken)
    {
        var lastPhase = (RunPhase?)null;
        var lastLine = string.Empty;
        var sinceLine = Stopwatch.StartNew();
        return silo.WaitAsync(
            runId,
            PollInterval,
            s =>
            {
                var line = Line(s);
                if (line != lastLine && (s.Phase != lastPhase || sinceLine.Elapsed >= PlainLineInterval))
                {
                    Console.WriteLine($"  {line}");
                    lastLine = line;
                    lastPhase = s.Phase;
                    sinceLine.Restart();
                }
            },
            cancellationToken);
    }

    private static string Line(RunStatus s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Phase,-11} {s.AccountsDone}/{s.AccountsTotal} accounts, {s.AwsCalls.Throttles} throttled calls");
}
