using System.Text.RegularExpressions;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>
/// A Dockerfile split into stages and instructions (line continuations joined, comments and the
/// syntax directive dropped): enough to check what the build copies and runs.
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerStage> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage Final => Stages[^1];

    public static Dockerfile Load(string path)
    {
        var stages = new List<DockerStage>();
        var logical = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (logical.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical += line[..^1].TrimEnd() + " ";
                continue;
            }

            logical += line;
            var match = InstructionPattern().Match(logical);
            if (!match.Success)
            {
                throw new FormatException($"{path}: cannot read instruction '{logical}'.");
            }

            var instruction = new DockerInstruction(match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim());
            if (instruction.Keyword == "FROM")
            {
                stages.Add(DockerStage.FromLine(instruction.Arguments));
            }
            else if (stages.Count == 0)
            {
                if (instruction.Keyword != "ARG")
                {
                    throw new FormatException($"{path}: {instruction.Keyword} before the first FROM.");
                }
            }
            else
            {
                stages[^1].Instructions.Add(instruction);
            }

            logical = string.Empty;
        }

        return new Dockerfile(path, stages);
    }

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"{Path} has no stage {name}.");

    [GeneratedRegex(@"^([A-Za-z]+)\s+(.*)$")]
    private static partial Regex InstructionPattern();
}
