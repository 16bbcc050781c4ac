using System.Text.Json.Nodes;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>Reads the shared frameworks a published app's runtimeconfig.json asks for.</summary>
public static class RuntimeConfig
{
    public static HashSet<string> Frameworks(string runtimeConfigPath)
    {
        var options = JsonNode.Parse(File.ReadAllText(runtimeConfigPath))!["runtimeOptions"]!;
        var frameworks = options["frameworks"]?.AsArray().Select(f => f!) ?? [options["framework"]!];
        return frameworks.Select(f => (string)f["name"]!).ToHashSet();
    }
}
