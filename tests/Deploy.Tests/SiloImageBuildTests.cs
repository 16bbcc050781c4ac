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
    }
}
