namespace ComplianceReport.TestSupport;

/// <summary>
/// Finds external programs the integration tests need. A missing tool fails the test with a
/// sentence saying how to install it: tests never skip silently (CI sets CI=true and .ci/run
/// installs every tool first).
/// </summary>
public static class RequiredTool
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the first candidate that exists: absolute paths as given, bare names on PATH.</summary>
    public static string Find(string installHint, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                continue;
            }

            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        throw new InvalidOperationException(
            $"Required tool not found ({string.Join(", ", candidates)}). Install it: {installHint}. " +
            "Run .ci/run once, which installs every tool the tests need.");
    }
}
