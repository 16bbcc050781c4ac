using System.Text.RegularExpressions;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>
/// The configuration keys the product binds, read from its source: every options class with a
/// <c>SectionName</c> constant under <c>src/</c>, its settable properties, and one level of nested
/// options classes (<c>Report:Schedule:DayOfWeek</c>). Read from the source rather than by
/// reflection so the deploy tests need not build the product.
/// </summary>
public static partial class CodeConfigurationKeys
{
    private static readonly Lazy<IReadOnlySet<string>> LazyKeys = new(Load);

    /// <summary>Keys in colon form: <c>Organization:Regions</c>, <c>Report:Schedule:TimeUtc</c>.</summary>
    public static IReadOnlySet<string> All => LazyKeys.Value;

    /// <summary>Whether a key in colon or double-underscore form, list indexes included, is one the code binds.</summary>
    public static bool Binds(string key)
    {
        var parts = key.Replace("__", ":", StringComparison.Ordinal).Split(':')
            .Where(p => !p.All(char.IsAsciiDigit))
            .ToList();
        return All.Contains(string.Join(':', parts));
    }

    private static HashSet<string> Load()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var byType = files.GroupBy(f => Path.GetFileNameWithoutExtension(f)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var section = SectionName().Match(text);
            if (!section.Success)
            {
                continue;
            }

            foreach (var (type, name) in Properties(text))
            {
                var key = $"{section.Groups[1].Value}:{name}";
                keys.Add(key);
                if (byType.TryGetValue(type, out var nested) && type.EndsWith("Options", StringComparison.Ordinal))
                {
                    foreach (var (_, inner) in Properties(File.ReadAllText(nested)))
                    {
                        keys.Add($"{key}:{inner}");
                    }
                }
            }
        }

        return keys;
    }

    private static IEnumerable<(string Type, string Name)> Properties(string text) =>
        Property().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    [GeneratedRegex("""const string SectionName = "(\w+)";""")]
    private static partial Regex SectionName();

    // "public Type Name { get; set; }" (settable: what the binder fills), with generic or nullable types.
    [GeneratedRegex(@"public\s+([\w.]+)(?:<[^>]+>)?\??\s+(\w+)\s*\{\s*get;\s*set;")]
    private static partial Regex Property();
}
