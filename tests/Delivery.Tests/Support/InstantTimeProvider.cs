using System.Collections.Concurrent;

namespace ComplianceReport.Delivery.Tests.Support;

/// <summary>A fixed clock whose timers fire at once, recording how long the code asked to wait.</summary>
public sealed class InstantTimeProvider(DateTimeOffset now) : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            dueTime = TimeSpan.Zero;
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
