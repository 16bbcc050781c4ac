using System.Collections.Concurrent;
using System.Diagnostics;

namespace ComplianceReport.Demo;

/// <summary>
/// The demo's log: warnings and above, grouped by message template so they can be summarised once
/// after the live display (which they would otherwise tear apart), and, when piped, also written
/// as they come, one line each.
/// </summary>
public sealed class WarningCollector(bool echo) : ILoggerProvider
{
    private const string StalledWatchdogCategory = "Orleans.Runtime.Watchdog";
    private readonly ConcurrentDictionary<string, CollectedWarning> _warnings = new(StringComparer.Ordinal);

    /// <summary>Distinct warnings, most frequent first.</summary>
    public IReadOnlyList<CollectedWarning> Warnings => [.. _warnings.Values.OrderByDescending(w => w.Count)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, EventId eventId, string template, string message)
    {
        _warnings.AddOrUpdate($"{category}|{template}", _ => new CollectedWarning(category, message, 1), (_, w) => w with { Count = w.Count + 1 });
        if (echo)
        {
            Console.Error.WriteLine($"{(level == LogLevel.Warning ? "warn" : "fail")}: {category}[{eventId.Id}] {message}");
        }
    }

    /// <summary>
    /// Orleans' watchdog starts its platform thread before it stamps the component check's start, so
    /// the first check can measure from timestamp 0 and report a stall as long as the machine's
    /// uptime ("not completed for 00:31:57") a second after start. A stall longer than this process
    /// has existed is that artefact, not a stall.
    /// </summary>
    private static bool IsStaleWatchdogStall(string category, IReadOnlyList<KeyValuePair<string, object?>> values) =>
        category == StalledWatchdogCategory
        && values.FirstOrDefault(v => v.Key == "TimeSinceLastTick").Value is TimeSpan stalled
        && stalled > DateTime.Now - Process.GetCurrentProcess().StartTime;

    private sealed class Logger(WarningCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            if (IsStaleWatchdogStall(category, values))
            {
                return;
            }

            var message = formatter(state, exception);
            var template = values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string ?? message;
            collector.Add(logLevel, category, eventId, template, exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
