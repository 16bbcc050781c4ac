using System.Globalization;

namespace ComplianceReport.Compliance;

/// <summary>ISO-8601 week labels (<c>2026-W48</c>) that name scheduled runs, files and S3 keys.</summary>
public static class IsoWeek
{
    public static string Of(DateTimeOffset instant)
    {
        var date = instant.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>The ISO week-numbering year of a label, for S3 key folders.</summary>
    public static int YearOf(string isoWeek) => int.Parse(isoWeek.AsSpan(0, 4), CultureInfo.InvariantCulture);
}
