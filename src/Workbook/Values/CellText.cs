namespace ComplianceReport.Workbook.Values;

/// <summary>
/// Makes any string safe to store as cell text: AWS values (names, tags, annotations) may carry
/// characters XML 1.0 forbids, and Excel refuses cells longer than 32,767 characters.
/// </summary>
internal static class CellText
{
    public const int MaxLength = 32_767;

    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Fast path: almost every value is clean and short, so avoid allocating.
        if (value.Length <= MaxLength && FirstInvalidIndex(value) < 0)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(Math.Min(value.Length, MaxLength));
        for (var i = 0; i < value.Length && builder.Length < MaxLength; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                // A pair is kept whole or not at all, so the cap never splits one.
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    if (builder.Length + 2 <= MaxLength)
                    {
                        builder.Append(c).Append(value[i + 1]);
                    }

                    i++;
                }

                continue;
            }

            if (IsAllowedBmp(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalidIndex(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (!IsAllowedBmp(c))
            {
                return i;
            }
        }

        return -1;
    }

    // XML 1.0 Char production, minus surrogates (handled as pairs by the callers).
    private static bool IsAllowedBmp(char c) =>
        c is '\t' or '\n' or '\r'
        || (c >= '\u0020' && c <= '\uD7FF')
        || (c >= '\uE000' && c <= '\uFFFD');
}
