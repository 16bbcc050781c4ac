using System.Text.Json;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>One instruction: keyword and the rest of the (joined) line.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>Leading --flag[=value] options (COPY --from=build, HEALTHCHECK --interval=30s).</summary>
    public IReadOnlyDictionary<string, string> Flags =>
        Words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
            .Select(w => w[2..].Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : string.Empty);

    /// <summary>The arguments after the flags, split on whitespace.</summary>
    public IReadOnlyList<string> Operands => Words.SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();

    /// <summary>An exec-form array (["dotnet", "x.dll"]) found after the flags and an optional CMD.</summary>
    public IReadOnlyList<string> ExecForm
    {
        get
        {
            var start = Arguments.IndexOf('[', StringComparison.Ordinal);
            if (start < 0)
            {
                throw new FormatException($"{Keyword} {Arguments} is not in exec form.");
            }

            return JsonSerializer.Deserialize<string[]>(Arguments[start..]) ?? [];
        }
    }

    private string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
