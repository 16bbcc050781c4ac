using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>
/// Reads a CloudFormation YAML template into the JSON form CloudFormation itself works on:
/// short tags become their long form (<c>!Ref X</c> → <c>{"Ref": "X"}</c>,
/// <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": ["A", "B"]}</c>, <c>!Sub s</c> → <c>{"Fn::Sub": s}</c>).
/// </summary>
public static class CloudFormationYaml
{
    public static JsonObject Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"{path}: expected one YAML document, found {stream.Documents.Count}.");
        }

        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw new FormatException($"{path}: the template is not a mapping.");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        var value = node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => throw new FormatException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
        };

        return node.Tag.IsEmpty || node.Tag.Value is "?" or "!" ? value : ApplyTag(node, value);
    }

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, child) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (result.ContainsKey(name))
            {
                throw new FormatException($"Duplicate key '{name}' at {key.Start}.");
            }

            result[name] = Convert(child);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (!scalar.Tag.IsEmpty || scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        // Plain scalars: YAML 1.2 core schema types.
        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        if (text is "" or "~" or "null")
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return JsonValue.Create(text);
    }

    private static JsonObject ApplyTag(YamlNode node, JsonNode? value)
    {
        var tag = node.Tag.Value.TrimStart('!');
        switch (tag)
        {
            case "Ref":
            case "Condition":
                return new JsonObject { [tag] = value };
            case "GetAtt" when value is JsonValue dotted:
                var text = dotted.GetValue<string>();
                var dot = text.IndexOf('.', StringComparison.Ordinal);
                if (dot <= 0)
                {
                    throw new FormatException($"!GetAtt needs Resource.Attribute at {node.Start}: '{text}'.");
                }

                return new JsonObject { ["Fn::GetAtt"] = new JsonArray(text[..dot], text[(dot + 1)..]) };
            case "GetAtt" or "Sub" or "If" or "Join" or "Select" or "Split" or "Equals"
                or "Not" or "And" or "Or" or "FindInMap" or "ImportValue" or "Base64" or "GetAZs" or "Cidr"
                or "Transform" or "Length" or "ToJsonString":
                return new JsonObject { ["Fn::" + tag] = value };
            default:
                throw new FormatException($"Unknown CloudFormation tag !{tag} at {node.Start}.");
        }
    }
}
