namespace ComplianceReport.Grains.Options;

/// <summary><c>Report:Schedule</c>: the weekly run's day and UTC time.</summary>
public sealed class ReportScheduleOptions
{
    public DayOfWeek DayOfWeek { get; set; } = DayOfWeek.Monday;

    /// <summary><c>Report:Schedule:TimeUtc</c>, for example <c>06:00</c>.</summary>
    public TimeOnly TimeUtc { get; set; } = new(6, 0);

    /// <summary>The first scheduled instant strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var daysAhead = ((int)DayOfWeek - (int)utc.DayOfWeek + 7) % 7;
        var candidate = new DateTimeOffset(utc.Date.AddDays(daysAhead).Add(TimeUtc.ToTimeSpan()), TimeSpan.Zero);
        return candidate > utc ? candidate : candidate.AddDays(7);
    }

    /// <summary>The last scheduled instant at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LastAtOrBefore(DateTimeOffset now) => NextAfter(now).AddDays(-7);
}
