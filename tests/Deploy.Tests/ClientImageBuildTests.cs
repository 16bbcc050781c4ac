using ComplianceReport.Deploy.Tests.Support;

namespace ComplianceReport.Deploy.Tests;

/// <summary>
/// No Docker engine runs here, so these replay the Dockerfile's build stage (its COPY set, its
/// restore and publish commands) in a scratch directory and check the output the final stage
/// starts from. A project reference the Dockerfile forgot to copy, or a build break, fails here.
/// </summary>
public sealed class ClientImageBuildTests
{
    [Fact]
    public async Task Client_build_stage_publishes_a_cli_that_needs_only_the_dotnet_runtime()
    {
        var dockerfile = Dockerfile.Load(Path.Combine(RepoPaths.Deploy, "Dockerfile.client"));
        using var rehearsal = new DockerBuildRehearsal();

        await rehearsal.RunBuildStageAsync(dockerfile, new DockerIgnore(Path.Combine(RepoPaths.Root, ".dockerignore")), DockerBuildRehearsal.StepTimeout);

        Assert.True(File.Exists(rehearsal.InImage("/app/ComplianceReport.Client.dll")));
        // The final image is runtime:10.0, which has no ASP.NET Core shared framework.
        Assert.Equal(["Microsoft.NETCore.App"], RuntimeConfig.Frameworks(rehearsal.InImage("/app/ComplianceReport.Client.runtimeconfig.json")));
    }
}
