using System.Xml.Linq;
using ComplianceReport.Deploy.Tests.Support;

namespace ComplianceReport.Deploy.Tests;

/// <summary>The Dockerfiles read statically: stages, user, health check, and that what they copy exists.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Dockerfiles => new() { "Dockerfile.silo", "Dockerfile.client" };

    private static readonly DockerIgnore Ignore = new(Path.Combine(RepoPaths.Root, ".dockerignore"));

    private static Dockerfile Load(string name) => Dockerfile.Load(Path.Combine(RepoPaths.Deploy, name));

    [Theory]
    [InlineData("Dockerfile.silo", "mcr.microsoft.com/dotnet/aspnet:10.0")]
    [InlineData("Dockerfile.client", "mcr.microsoft.com/dotnet/runtime:10.0")]
    public void Builds_with_the_sdk_and_runs_on_the_smaller_runtime_image(string name, string finalImage)
    {
        var dockerfile = Load(name);

        Assert.Equal(2, dockerfile.Stages.Count);
        var build = dockerfile.Stage("build");
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", build.Image);
        Assert.Contains(build.All("RUN"), r => r.Arguments.StartsWith("dotnet publish ", StringComparison.Ordinal));
        Assert.Equal(finalImage, dockerfile.Final.Image);
        Assert.DoesNotContain(dockerfile.Final.All("RUN"), r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        var copied = Assert.Single(dockerfile.Final.All("COPY"), c => c.Flags.ContainsKey("from"));
        Assert.Equal("build", copied.Flags["from"]);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Final_stage_runs_as_a_non_root_user(string name)
    {
        var final = Load(name).Final;

        var user = final.All("USER").LastOrDefault();
        Assert.NotNull(user);
        Assert.DoesNotContain(user.Arguments.Split(':')[0], new[] { "root", "0" });
        // The user switch comes after every COPY/RUN that needs root, and before the entry point.
        var userIndex = final.Instructions.IndexOf(user);
        Assert.True(final.Instructions.FindLastIndex(i => i.Keyword is "RUN") < userIndex);
        Assert.True(final.Instructions.FindIndex(i => i.Keyword == "ENTRYPOINT") > userIndex);
    }

    [Fact]
    public void Silo_image_checks_health_on_the_live_endpoint()
    {
        var final = Load("Dockerfile.silo").Final;

        var check = Assert.Single(final.All("HEALTHCHECK"));
        Assert.Contains("interval", check.Flags.Keys);
        var command = check.ExecForm;
        Assert.Equal("dotnet", command[0]);
        Assert.StartsWith("/app/probe/", command[1], StringComparison.Ordinal);
        Assert.EndsWith("/health/live", command[^1], StringComparison.Ordinal);
        Assert.Equal(["dotnet", "ComplianceReport.Silo.dll"], Assert.Single(final.All("ENTRYPOINT")).ExecForm);
        Assert.Contains(final.All("EXPOSE"), e => e.Operands.SequenceEqual(["8080", "11111", "30000"]));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_path_copied_from_the_context_exists_and_is_not_ignored(string name)
    {
        var problems = new List<string>();
        foreach (var copy in Load(name).Stages.SelectMany(s => s.All("COPY")).Where(c => !c.Flags.ContainsKey("from")))
        {
            foreach (var source in copy.Operands.SkipLast(1))
            {
                var full = Path.Combine(RepoPaths.Root, source);
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    problems.Add($"{source} does not exist");
                }
                else if (!Ignore.IsIncluded(source))
                {
                    problems.Add($"{source} is excluded by .dockerignore");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Restore_layer_copies_every_project_the_restored_project_references(string name)
    {
        var build = Load(name).Stage("build");
        var copiedBefore = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var instruction in build.Instructions)
        {
            if (instruction.Keyword == "COPY")
            {
                copiedBefore.UnionWith(instruction.Operands.SkipLast(1));
            }
            else if (instruction.Keyword == "RUN" && instruction.Arguments.StartsWith("dotnet restore ", StringComparison.Ordinal))
            {
                // Whole directories copied before restore would invalidate its cached layer on every source edit.
                problems.AddRange(copiedBefore.Where(c => c.EndsWith('/')).Select(c => $"{c} is copied before `dotnet restore`"));

                var project = instruction.Operands[2];
                foreach (var needed in ProjectClosure(project))
                {
                    if (!copiedBefore.Contains(needed))
                    {
                        problems.Add($"{project} needs {needed} before `dotnet restore`");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Dockerignore_keeps_git_tests_and_build_output_out_and_sources_in()
    {
        Assert.False(Ignore.IsIncluded(".git/config"));
        Assert.False(Ignore.IsIncluded("tests/Deploy.Tests/Deploy.Tests.csproj"));
        Assert.False(Ignore.IsIncluded("src/Silo/bin/Debug/net10.0/ComplianceReport.Silo.dll"));
        Assert.False(Ignore.IsIncluded("src/Silo/obj/project.assets.json"));
        Assert.True(Ignore.IsIncluded("src/Silo/Silo.csproj"));
        Assert.True(Ignore.IsIncluded("src/Silo/Program.cs"));
        Assert.True(Ignore.IsIncluded("Directory.Packages.props"));
    }

    [Fact]
    public void Cli_entry_script_runs_the_client_assembly_and_can_idle_for_ecs_exec()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "docker", "compliance-report.sh"));
        var final = Load("Dockerfile.client").Final;

        Assert.StartsWith("#!/bin/sh", script, StringComparison.Ordinal);
        Assert.Contains("exec dotnet /app/ComplianceReport.Client.dll \"$@\"", script, StringComparison.Ordinal);
        Assert.Contains("exec sleep", script, StringComparison.Ordinal);
        Assert.Equal(["compliance-report"], Assert.Single(final.All("ENTRYPOINT")).ExecForm);
        Assert.Contains(final.All("COPY"), c => c.Operands.SequenceEqual(["deploy/docker/compliance-report.sh", "/usr/local/bin/compliance-report"]));
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static SortedSet<string> ProjectClosure(string relativeProject)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(Path.Combine(RepoPaths.Root, relativeProject))]);
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!result.Add(Path.GetRelativePath(RepoPaths.Root, project).Replace('\\', '/')))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }

        return result;
    }
}
