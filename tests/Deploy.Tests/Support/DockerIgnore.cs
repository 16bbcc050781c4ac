using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>
/// The repository's .dockerignore, evaluated as Docker does: patterns in order, the last match
/// wins, '!' re-includes, a pattern that matches a directory excludes everything below it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> _rules = [];

    public DockerIgnore(string path)
    {
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var include = line.StartsWith('!');
            var pattern = (include ? line[1..] : line).Trim().Trim('/');
            _rules.Add((ToRegex(pattern), include));
        }
    }

    /// <summary>Whether a path (relative to the context, '/' separated) reaches the build context.</summary>
    public bool IsIncluded(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Trim('/').Split('/');
        var included = true;
        foreach (var (pattern, include) in _rules)
        {
            // A rule applies when it matches the path or any directory above it.
            for (var n = 1; n <= parts.Length; n++)
            {
                if (pattern.IsMatch(string.Join('/', parts.Take(n))))
                {
                    included = include;
                    break;
                }
            }
        }

        return included;
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more directories.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
