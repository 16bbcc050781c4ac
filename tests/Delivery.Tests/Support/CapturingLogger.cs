using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.Delivery.Tests.Support;

/// <summary>Keeps every formatted message and exception, to check what reaches the logs.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join("\n", Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"{logLevel} {eventId.Id} {formatter(state, exception)}";
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            line += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
        }

        Lines.Enqueue(exception is null ? line : line + "\n" + exception);
    }
}
