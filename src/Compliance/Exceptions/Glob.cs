using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceReport.Compliance.Exceptions;

/// <summary>
/// A glob over ids and paths: <c>*</c> matches any run of characters (within one path segment when
/// the glob is segmented), <c>**</c> any run including separators, <c>?</c> one character.
/// Comparison is ordinal: AWS ids and OU names are case-sensitive.
/// </summary>
public sealed class Glob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex? _regex;
    private readonly string _literal;

    private Glob(string pattern, Regex? regex)
    {
        Pattern = pattern;
        _regex = regex;
        _literal = pattern;
    }

    public string Pattern { get; }

    public bool HasWildcards => _regex is not null;

    /// <summary>Parses <paramref name="pattern"/>; <paramref name="error"/> says what is wrong with a bad one.</summary>
    /// <param name="separator">The path separator <c>*</c> does not cross, or null when it crosses everything.</param>
    public static bool TryParse(string pattern, char? separator, out Glob glob, out string? error)
    {
        glob = null!;
        error = null;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            error = "is empty";
            return false;
        }

        if (pattern.AsSpan().IndexOfAny("[]{}") is var bad and >= 0)
        {
            error = $"uses '{pattern[bad]}', which is not supported (only *, ** and ? are)";
            return false;
        }

        if (pattern.Contains("***", StringComparison.Ordinal))
        {
            error = "has '***'; use '*' or '**'";
            return false;
        }

        if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
        {
            glob = new Glob(pattern, null);
            return true;
        }

        var any = separator is { } s ? $"[^{Regex.Escape(s.ToString())}]" : ".";
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                regex.Append(any).Append('*');
            }
            else if (c == '?')
            {
                regex.Append(any);
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        glob = new Glob(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout));
        return true;
    }

    public bool IsMatch(string value) =>
        _regex is null ? string.Equals(_literal, value, StringComparison.Ordinal) : _regex.IsMatch(value);

    public override string ToString() => Pattern;
}
