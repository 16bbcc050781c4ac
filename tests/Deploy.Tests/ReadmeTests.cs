using System.Text.RegularExpressions;
using ComplianceReport.Deploy.Tests.Support;

namespace ComplianceReport.Deploy.Tests;

/// <summary>deploy/README.md stays in step with the templates it documents.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "README.md"));

    public static TheoryData<string> Templates => new() { "hub.yaml", "management.yaml", "spoke.yaml", "aggregator.yaml", "scale-to-zero.yaml" };

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
    public void Every_configuration_key_it_names_is_one_the_code_binds()
    {
        var named = ConfigurationKey().Matches(Readme).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("Organization:ParentIds", named);
        Assert.Contains("Organization__Source", named);

        var unknown = named.Where(k => !CodeConfigurationKeys.Binds(k)).ToList();
        Assert.True(unknown.Count == 0, "deploy/README.md names keys no options class binds: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Gives_the_stackset_prerequisites_and_the_delegated_administrator_form()
    {
        Assert.Contains("aws cloudformation activate-organizations-access", Readme, StringComparison.Ordinal);
        Assert.Contains("--service-principal member.org.stacksets.cloudformation.amazonaws.com", Readme, StringComparison.Ordinal);
        Assert.Contains("register-delegated-administrator", Readme, StringComparison.Ordinal);
        Assert.Contains("--call-as DELEGATED_ADMIN", Readme, StringComparison.Ordinal);

        // Every StackSet command in the guide says whom it acts as, so the delegated administrator's copy works as pasted.
        var stackSetCommands = Regex.Matches(Readme, @"aws cloudformation (create-stack-set|create-stack-instances|list-stack-instances|update-stack-set) (?:.*\\\n)*.*")
            .Select(m => m.Value)
            .Where(c => !c.EndsWith("...`", StringComparison.Ordinal))
            .ToList();
        Assert.True(stackSetCommands.Count >= 3, $"found {stackSetCommands.Count} StackSet commands");
        Assert.All(stackSetCommands, c => Assert.Contains("--call-as", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Describes_one_jira_issue_per_iso_week_as_the_jira_sink_labels_it()
    {
        // JiraReportSink.WeekLabel: TicketContentBuilder.RunLabelFor(week) = "compliance-report-" + week.
        var builder = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Delivery", "Jira", "Content", "TicketContentBuilder.cs"));
        Assert.Contains("\"compliance-report-\"", builder, StringComparison.Ordinal);
        Assert.Contains("label\n  `compliance-report-<week>`", Readme, StringComparison.Ordinal);
        Assert.Contains("`<week>-rerun-<n>`", Readme, StringComparison.Ordinal);
        Assert.Contains("`<week>-ondemand-<yyyyMMddHHmmssfff>`", Readme, StringComparison.Ordinal);
        var grain = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Grains", "Reports", "ReportGrain.cs"));
        Assert.Contains("-rerun-", grain, StringComparison.Ordinal);
        Assert.Contains("-ondemand-{now:yyyyMMddHHmmssfff}", grain, StringComparison.Ordinal);
        Assert.Contains("MaxScheduledAttempts = 3", grain, StringComparison.Ordinal);
        Assert.Contains("until the week has had three\n  runs", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizing_quotes_the_scan_bench_figures_it_is_based_on()
    {
        var bench = File.ReadAllText(Path.Combine(RepoPaths.Root, "bench", "README.md"));
        foreach (var figure in new[] { "75.1 s", "129.6 s", "752.6 s", "289 / 110 MiB", "492 / 271 MiB", "1,585 / 1,236 MiB", "855 MiB", "0x60000000" })
        {
            Assert.Contains(figure, bench, StringComparison.Ordinal);
        }

        foreach (var figure in new[] { "75.1 s", "129.6 s", "752.6 s", "289 MiB / 110 MiB", "492 MiB / 271 MiB", "1,585 MiB / 1,236 MiB", "855 MiB", "DOTNET_GCHeapHardLimit=0x60000000 dotnet run -c Release --no-build --project bench/ScanBench -- --accounts 10000 --skip-baseline" })
        {
            Assert.Contains(figure, Readme, StringComparison.Ordinal);
        }
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

        var runTable = Readme[Readme.IndexOf("**The run itself**", StringComparison.Ordinal)..Readme.IndexOf("**Total ≈", StringComparison.Ordinal)];
        var runItems = PerWeekColumn().Matches(runTable).Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Sum();
        Assert.Contains($"${Math.Round(336 * taskHour, 2)} + ${runItems}", Readme, StringComparison.Ordinal);
        Assert.Contains($"≈ ${Math.Round(336 * taskHour, 2) + runItems} per week", Readme, StringComparison.Ordinal);
    }

    // Organization:Regions, Report__S3Bucket, Report:Schedule:TimeUtc, Organization__Regions__0; not "Organization__Aggregator*".
    [GeneratedRegex(@"\b(?:Organization|Scan|Report|Jira|Cluster|Aws)(?:(?::|__)(?:[A-Z][A-Za-z0-9]*|[0-9]+))+(?![\w*…])")]
    private static partial Regex ConfigurationKey();

    // The last column of the per-run cost table: "| $0.02 |" ("< $0.01" rows count as zero).
    [GeneratedRegex(@"\| \$(\d+\.\d\d) \|\n")]
    private static partial Regex PerWeekColumn();
}
