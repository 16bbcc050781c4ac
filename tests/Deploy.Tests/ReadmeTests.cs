using System.Text.RegularExpressions;
using ComplianceReport.Deploy.Tests.Support;

namespace ComplianceReport.Deploy.Tests;

/// <summary>deploy/README.md stays in step with the templates it documents.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "README.md"));

    public static TheoryData<string> Templates => new() { "hub.yaml", "management.yaml", "spoke.yaml", "aggregator.yaml" };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_parameter_is_documented(string fileName)
    {
        var undocumented = CfnTemplate.Load(fileName).Parameters
            .Select(p => p.Key)
            .Where(name => !Readme.Contains($"`{name}`", StringComparison.Ordinal))
            .ToList();

        Assert.True(undocumented.Count == 0, $"{fileName} parameters missing from deploy/README.md: {string.Join(", ", undocumented)}");
    }

    [Theory]
    [InlineData("hub.yaml", "compliance-report-hub")]
    [InlineData("management.yaml", "compliance-report-management")]
    public void Deploy_command_gives_every_parameter_without_a_default(string fileName, string stackName)
    {
        var command = Regex.Match(Readme, $@"aws cloudformation deploy --stack-name {stackName} \\\n(?:.*\\\n)*.*").Value;
        Assert.NotEmpty(command);

        var missing = CfnTemplate.Load(fileName).Parameters
            .Where(p => p.Value?["Default"] is null)
            .Select(p => p.Key)
            .Where(name => !command.Contains($"{name}=", StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, $"The README's first `deploy` of {fileName} lacks required parameters: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Says_docker_was_not_available_and_that_images_were_not_built_here()
    {
        Assert.Contains("Docker was not available", Readme, StringComparison.Ordinal);
        Assert.Contains("the images have not been built there", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_estimate_arithmetic_adds_up()
    {
        // One x86 task: 1 vCPU and 2 GB at the quoted prices; two tasks all week.
        var taskHour = 0.04048m + (2 * 0.004445m);
        Assert.Contains($"**${Math.Round(taskHour, 5)} per hour**", Readme, StringComparison.Ordinal);
        Assert.Contains($"**${Math.Round(336 * taskHour, 2)} per week**", Readme, StringComparison.Ordinal);
        var armHour = 0.03238m + (2 * 0.00356m);
        Assert.Contains($"**${Math.Round(336 * armHour, 2)} per week**", Readme, StringComparison.Ordinal);

        var runItems = PerWeekColumn().Matches(Readme).Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Sum();
        Assert.Contains($"${Math.Round(336 * taskHour, 2)} + ${runItems}", Readme, StringComparison.Ordinal);
        Assert.Contains($"≈ ${Math.Round(336 * taskHour, 2) + runItems} per week", Readme, StringComparison.Ordinal);
    }

    // The last column of the per-run cost table: "| $0.02 |" ("< $0.01" rows count as zero).
    [GeneratedRegex(@"\| \$(\d+\.\d\d) \|\n")]
    private static partial Regex PerWeekColumn();
}
