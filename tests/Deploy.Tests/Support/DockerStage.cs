namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>One FROM … [AS name] stage of a Dockerfile.</summary>
public sealed class DockerStage
{
    private DockerStage(string image, string? name, string? platform)
    {
        Image = image;
        Name = name;
        Platform = platform;
    }

    public string Image { get; }

    public string? Name { get; }

    public string? Platform { get; }

    public List<DockerInstruction> Instructions { get; } = [];

    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public static DockerStage FromLine(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? platform = null;
        if (words[0].StartsWith("--platform=", StringComparison.Ordinal))
        {
            platform = words[0]["--platform=".Length..];
            words.RemoveAt(0);
        }

        var name = words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        return new DockerStage(words[0], name, platform);
    }
}
