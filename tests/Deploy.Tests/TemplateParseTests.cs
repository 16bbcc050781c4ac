using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComplianceReport.Deploy.Tests.Support;

namespace ComplianceReport.Deploy.Tests;

public sealed partial class TemplateParseTests
{
    private static readonly HashSet<string> PseudoParameters =
    [
        "AWS::AccountId", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix", "AWS::NotificationARNs",
    ];

    public static TheoryData<string> Templates => new() { "hub.yaml", "management.yaml", "spoke.yaml", "aggregator.yaml", "scale-to-zero.yaml" };

    [Fact]
    public void Short_tags_become_the_long_form_CloudFormation_uses()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cfn-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            A: !Ref Param
            B: !GetAtt Res.Arn
            C: !Sub "${AWS::Region}-x"
            D: !If [Cond, !Ref AWS::NoValue, 3]
            E: "true"
            F: true
            """);
        try
        {
            var json = CloudFormationYaml.Load(path);

            var expected = JsonNode.Parse("""
                {"A": {"Ref": "Param"}, "B": {"Fn::GetAtt": ["Res", "Arn"]}, "C": {"Fn::Sub": "${AWS::Region}-x"},
                 "D": {"Fn::If": ["Cond", {"Ref": "AWS::NoValue"}, 3]}, "E": "true", "F": true}
                """);
            Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_parses_with_version_description_and_resources(string fileName)
    {
        var template = CfnTemplate.Load(fileName);

        Assert.Equal("2010-09-09", (string?)template.Root["AWSTemplateFormatVersion"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)template.Root["Description"]));
        Assert.NotEmpty(template.Resources);
        Assert.All(template.Resources, r => Assert.StartsWith("AWS::", (string?)r.Value?["Type"]));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_reference_names_a_parameter_resource_or_pseudo_parameter(string fileName)
    {
        var template = CfnTemplate.Load(fileName);
        var parameters = template.Parameters.Select(p => p.Key).ToHashSet();
        var resources = template.Resources.Select(r => r.Key).ToHashSet();
        var conditions = (template.Root["Conditions"]?.AsObject() ?? []).Select(c => c.Key).ToHashSet();
        var problems = new List<string>();

        void Walk(JsonNode? node, string where)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count == 1 && obj.ContainsKey("Ref"):
                    var name = (string)obj["Ref"]!;
                    if (!parameters.Contains(name) && !resources.Contains(name) && !PseudoParameters.Contains(name))
                    {
                        problems.Add($"{where}: !Ref {name}");
                    }

                    break;
                case JsonObject obj when obj.Count == 1 && obj.ContainsKey("Fn::GetAtt"):
                    var target = (string)obj["Fn::GetAtt"]![0]!;
                    if (!resources.Contains(target))
                    {
                        problems.Add($"{where}: !GetAtt {target}");
                    }

                    break;
                case JsonObject obj when obj.Count == 1 && obj.ContainsKey("Fn::Sub"):
                    var sub = obj["Fn::Sub"];
                    var text = sub is JsonArray pair ? (string)pair[0]! : (string)sub!;
                    var locals = sub is JsonArray withVars ? withVars[1]!.AsObject().Select(v => v.Key).ToHashSet() : [];
                    foreach (Match variable in SubVariable().Matches(text))
                    {
                        var whole = variable.Groups[1].Value;
                        var head = whole.Split('.')[0];
                        var known = locals.Contains(whole) || PseudoParameters.Contains(whole) || parameters.Contains(whole)
                            || resources.Contains(head);
                        if (!known)
                        {
                            problems.Add($"{where}: ${{{whole}}} in !Sub");
                        }
                    }

                    if (sub is JsonArray subArgs)
                    {
                        Walk(subArgs[1], where);
                    }

                    break;
                case JsonObject obj when obj.Count == 1 && (obj.ContainsKey("Fn::If") || obj.ContainsKey("Condition")):
                    var condition = obj.ContainsKey("Fn::If") ? (string)obj["Fn::If"]![0]! : (string)obj["Condition"]!;
                    if (!conditions.Contains(condition))
                    {
                        problems.Add($"{where}: condition {condition}");
                    }

                    if (obj["Fn::If"] is JsonArray branches)
                    {
                        Walk(branches[1], where);
                        Walk(branches[2], where);
                    }

                    break;
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        Walk(child, $"{where}.{key}");
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{where}[{i}]");
                    }

                    break;
            }
        }

        Walk(template.Root["Resources"], "Resources");
        Walk(template.Root["Outputs"], "Outputs");
        Walk(template.Root["Conditions"], "Conditions");

        Assert.True(problems.Count == 0, $"{fileName} refers to undeclared names:\n" + string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_conditional_resource_is_referenced_only_where_its_condition_holds(string fileName)
    {
        // CloudFormation rejects a reference to a resource whose condition is false, so every
        // reference must sit in a resource with the same condition or in that condition's !If branch.
        var template = CfnTemplate.Load(fileName);
        var conditional = template.Resources
            .Where(r => r.Value?["Condition"] is JsonValue)
            .ToDictionary(r => r.Key, r => (string)r.Value!["Condition"]!, StringComparer.Ordinal);
        var problems = new List<string>();

        IEnumerable<string> Referenced(JsonObject obj)
        {
            if (obj.Count == 1 && obj["Ref"] is JsonValue r)
            {
                yield return (string)r!;
            }
            else if (obj.Count == 1 && obj["Fn::GetAtt"] is JsonArray g)
            {
                yield return (string)g[0]!;
            }
            else if (obj.Count == 1 && obj.ContainsKey("Fn::Sub"))
            {
                var sub = obj["Fn::Sub"];
                var text = sub is JsonArray pair ? (string)pair[0]! : (string)sub!;
                foreach (Match variable in SubVariable().Matches(text))
                {
                    yield return variable.Groups[1].Value.Split('.')[0];
                }
            }
        }

        void Walk(JsonNode? node, string where, ImmutableHashSet<string> holding)
        {
            switch (node)
            {
                case JsonObject obj when obj["Fn::If"] is JsonArray branches:
                    Walk(branches[1], where, holding.Add((string)branches[0]!));
                    Walk(branches[2], where, holding);
                    break;
                case JsonObject obj:
                    foreach (var name in Referenced(obj).Where(n => conditional.ContainsKey(n) && !holding.Contains(conditional[n])))
                    {
                        problems.Add($"{where}: {name} (Condition {conditional[name]})");
                    }

                    foreach (var (key, child) in obj)
                    {
                        Walk(child, $"{where}.{key}", holding);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{where}[{i}]", holding);
                    }

                    break;
            }
        }

        foreach (var (id, resource) in template.Resources)
        {
            var own = resource?["Condition"] is JsonValue c ? ImmutableHashSet.Create((string)c!) : ImmutableHashSet<string>.Empty;
            Walk(resource, $"Resources.{id}", own);
        }

        Walk(template.Root["Outputs"], "Outputs", ImmutableHashSet<string>.Empty);
        Assert.True(problems.Count == 0, $"{fileName} references conditional resources outside their condition:\n" + string.Join('\n', problems));
    }

    // ${Name} or ${Resource.Attribute}; ${!Literal} is an escape, not a reference.
    [GeneratedRegex(@"\$\{(?!!)([A-Za-z0-9:._]+)\}")]
    private static partial Regex SubVariable();
}
