using System.Text.Json.Nodes;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>A parsed template with the lookups the tests need.</summary>
public sealed class CfnTemplate
{
    private CfnTemplate(string fileName, JsonObject root)
    {
        FileName = fileName;
        Root = root;
    }

    public string FileName { get; }

    public JsonObject Root { get; }

    public JsonObject Resources => Root["Resources"]?.AsObject() ?? throw new InvalidOperationException($"{FileName} has no Resources.");

    public JsonObject Parameters => Root["Parameters"]?.AsObject() ?? new JsonObject();

    public static CfnTemplate Load(string fileName) => new(fileName, CloudFormationYaml.Load(RepoPaths.Template(fileName)));

    public JsonObject Resource(string logicalId) =>
        Resources[logicalId]?.AsObject() ?? throw new InvalidOperationException($"{FileName} has no resource {logicalId}.");

    public JsonObject Properties(string logicalId) =>
        Resource(logicalId)["Properties"]?.AsObject() ?? throw new InvalidOperationException($"{FileName}: {logicalId} has no Properties.");

    public IEnumerable<(string LogicalId, JsonObject Properties)> ResourcesOfType(string type) =>
        Resources
            .Where(r => (string?)r.Value?["Type"] == type)
            .Select(r => (r.Key, r.Value!["Properties"]!.AsObject()));

    /// <summary>The IAM role whose RoleName is the given literal.</summary>
    public JsonObject RoleNamed(string roleName)
    {
        var matches = ResourcesOfType("AWS::IAM::Role")
            .Where(r => r.Properties["RoleName"] is JsonValue v && v.GetValue<string>() == roleName)
            .ToList();
        return matches.Count == 1
            ? matches[0].Properties
            : throw new InvalidOperationException($"{FileName}: expected one role named {roleName}, found {matches.Count}.");
    }
}
