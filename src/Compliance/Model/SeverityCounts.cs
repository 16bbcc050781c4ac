namespace ComplianceReport.Compliance.Model;

/// <summary>Non-compliant findings by severity; ordered comparisons put the worst first.</summary>
public sealed record SeverityCounts(int Critical, int High, int Medium, int Low, int Unrated) : IComparable<SeverityCounts>
{
    public static SeverityCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public int Total => Critical + High + Medium + Low + Unrated;

    public int this[Severity severity] => severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        Severity.Low => Low,
        _ => Unrated,
    };

    public SeverityCounts Add(Severity severity, int count = 1) => severity switch
    {
        Severity.Critical => this with { Critical = Critical + count },
        Severity.High => this with { High = High + count },
        Severity.Medium => this with { Medium = Medium + count },
        Severity.Low => this with { Low = Low + count },
        _ => this with { Unrated = Unrated + count },
    };

    public SeverityCounts Add(SeverityCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Critical + other.Critical, High + other.High, Medium + other.Medium, Low + other.Low, Unrated + other.Unrated);
    }

    /// <summary>By Critical, then High, Medium, Low, Unrated: a positive result means this is worse.</summary>
    public int CompareTo(SeverityCounts? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byCritical = Critical.CompareTo(other.Critical);
        if (byCritical != 0)
        {
            return byCritical;
        }

        var byHigh = High.CompareTo(other.High);
        if (byHigh != 0)
        {
            return byHigh;
        }

        var byMedium = Medium.CompareTo(other.Medium);
        return byMedium != 0 ? byMedium : Low.CompareTo(other.Low) is var byLow and not 0 ? byLow : Unrated.CompareTo(other.Unrated);
    }
}
