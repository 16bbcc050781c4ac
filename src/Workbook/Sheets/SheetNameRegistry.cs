namespace ComplianceReport.Workbook.Sheets;

/// <summary>
/// Hands out sheet names that Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, no
/// leading or trailing apostrophe, not blank, not the reserved "History", and unique ignoring case.
/// </summary>
internal sealed class SheetNameRegistry
{
    public const int MaxLength = 31;

    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claims <paramref name="desired"/>, made legal, or its first free " (n)" variant:
    /// claiming "Findings" again and again yields "Findings", "Findings (2)", "Findings (3)".</summary>
    public string Claim(string desired)
    {
        var baseName = Sanitize(desired);
        var name = baseName;
        for (var n = 2; IsReserved(name) || _used.Contains(name); n++)
        {
            var suffix = $" ({n})";
            var stem = baseName.Length + suffix.Length > MaxLength ? baseName[..(MaxLength - suffix.Length)] : baseName;
            name = stem + suffix;
        }

        _used.Add(name);
        return name;
    }

    private static string Sanitize(string desired)
    {
        var chars = desired.Select(c => Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim().Trim('\'');
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength].TrimEnd('\'');
        }

        return name.Length == 0 ? "Sheet" : name;
    }

    private static bool IsReserved(string name) => string.Equals(name, "History", StringComparison.OrdinalIgnoreCase);
}
