using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>
/// Replays a Dockerfile's build stage without Docker: copies exactly what its COPY instructions
/// take from the context (after .dockerignore) into a scratch directory, in order, and runs its
/// `dotnet` RUN steps there. The result is the /app the final stage copies.
/// </summary>
public sealed class DockerBuildRehearsal : IDisposable
{
    /// <summary>One restore or publish step may take minutes on a busy 2-core machine.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"docker-rehearsal-{Guid.NewGuid():N}");

    public string ImageRoot => Path.Combine(_scratch, "image");

    /// <summary>Maps an absolute path inside the image to the scratch directory.</summary>
    public string InImage(string absolutePath) => Path.Combine(ImageRoot, absolutePath.TrimStart('/'));

    public async Task RunBuildStageAsync(Dockerfile dockerfile, DockerIgnore ignore, TimeSpan timeout)
    {
        var stage = dockerfile.Stage("build");
        var workdir = "/";
        var targetArch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "ARG":
                    break;
                case "WORKDIR":
                    workdir = instruction.Arguments;
                    Directory.CreateDirectory(InImage(workdir));
                    break;
                case "COPY":
                    Copy(instruction.Operands, workdir, ignore);
                    break;
                case "RUN" when instruction.Arguments.StartsWith("dotnet ", StringComparison.Ordinal):
                    var arguments = instruction.Operands.Skip(1)
                        .Select(a => a.Replace("$TARGETARCH", targetArch, StringComparison.Ordinal))
                        .Select(a => a.StartsWith('/') ? InImage(a) : a)
                        .ToList();
                    await RunDotnetAsync(arguments, InImage(workdir), timeout);
                    break;
                default:
                    throw new NotSupportedException($"The rehearsal does not replay {instruction.Keyword} {instruction.Arguments}: extend it with the Dockerfile.");
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private void Copy(IReadOnlyList<string> operands, string workdir, DockerIgnore ignore)
    {
        var destination = operands[^1];
        var target = destination.StartsWith('/') ? InImage(destination) : Path.Combine(InImage(workdir), destination);
        foreach (var source in operands.SkipLast(1))
        {
            var full = Path.Combine(RepoPaths.Root, source);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
                    if (ignore.IsIncluded(relative))
                    {
                        CopyFile(file, Path.Combine(target, Path.GetRelativePath(full, file)));
                    }
                }
            }
            else
            {
                var into = destination.EndsWith('/') || operands.Count > 2 ? Path.Combine(target, Path.GetFileName(source)) : target;
                CopyFile(full, into);
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    private static async Task RunDotnetAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // No MSBuild node or build server may outlive the test.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
