using System.Text;
using System.Xml.Linq;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Deploy.Tests.Support;

namespace ComplianceReport.Deploy.Tests;

/// <summary>
/// No Docker engine runs here, so these replay the Dockerfile's build stage (its COPY set, its
/// restore and publish commands) in a scratch directory and check the output the final stage
/// starts from. A project reference the Dockerfile forgot to copy, or a build break, fails here.
/// </summary>
public sealed class SiloImageBuildTests
{
    [Fact]
    public async Task Silo_build_stage_publishes_the_silo_and_the_health_probe_for_the_aspnet_image()
    {
        var dockerfile = Dockerfile.Load(Path.Combine(RepoPaths.Deploy, "Dockerfile.silo"));
        using var rehearsal = new DockerBuildRehearsal();

        await rehearsal.RunBuildStageAsync(dockerfile, new DockerIgnore(Path.Combine(RepoPaths.Root, ".dockerignore")), DockerBuildRehearsal.StepTimeout);

        var final = dockerfile.Final;
        var entryPoint = Assert.Single(final.All("ENTRYPOINT")).ExecForm;
        Assert.True(File.Exists(rehearsal.InImage($"/app/{entryPoint[1]}")), $"{entryPoint[1]} was not published to /app");
        var probe = Assert.Single(final.All("HEALTHCHECK")).ExecForm[1];
        Assert.True(File.Exists(rehearsal.InImage(probe)), $"{probe} was not published");
        Assert.Subset(
            new HashSet<string> { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" },
            RuntimeConfig.Frameworks(rehearsal.InImage("/app/ComplianceReport.Silo.runtimeconfig.json")));

        // The production image carries no simulator or demo code and none of the simulator's keys.
        var files = Directory.GetFiles(rehearsal.InImage("/app"), "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("ComplianceReport.AwsSimulator", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("ComplianceReport.SimulatedEnvironment", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("ComplianceReport.Demo", StringComparison.Ordinal));
        foreach (var secret in new[] { SimulatorOptions.DefaultHubKeyId, SimulatorOptions.DefaultHubSecret })
        {
            // Assemblies keep string literals as UTF-16, configuration files as UTF-8: look for both.
            var patterns = new[] { Encoding.UTF8.GetBytes(secret), Encoding.Unicode.GetBytes(secret) };
            Assert.DoesNotContain(files, f => Contains(File.ReadAllBytes(f), patterns));
        }
    }

    [Fact]
    public void The_silo_project_references_nothing_under_tools()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Silo", "Silo.csproj"));
        var references = project.Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include") ?? string.Empty).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => r.Contains("tools", StringComparison.Ordinal) || r.Contains("Demo", StringComparison.Ordinal));
    }

    private static bool Contains(byte[] content, byte[][] patterns) =>
        patterns.Any(p => content.AsSpan().IndexOf(p) >= 0);
}
