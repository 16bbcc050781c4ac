using System.Text.Json;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>Writes an embedded boto3 script to a temp directory and runs it with Debian's /usr/bin/python3.</summary>
internal static class Boto3Script
{
    public static async Task<JsonElement> RunAsync(string resourceName, string arguments)
    {
        var python = RequiredTool.Find("sudo apt-get install -y python3-boto3", "/usr/bin/python3");
        var directory = Directory.CreateTempSubdirectory("simulator-boto3-");
        try
        {
            var script = Path.Combine(directory.FullName, resourceName);
            await using (var resource = typeof(Boto3Script).Assembly.GetManifestResourceStream(resourceName)!)
            await using (var file = File.Create(script))
            {
                await resource.CopyToAsync(file);
            }

            var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(python, [script, arguments]);
            if (exitCode != 0 && stderr.Contains("No module named 'boto3'", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("python3-boto3 is missing: install it with sudo apt-get install -y python3-boto3 (or run .ci/run).");
            }

            Assert.True(exitCode == 0, $"{resourceName} failed ({exitCode}):\n{stderr}");
            return JsonDocument.Parse(stdout).RootElement.Clone();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
