namespace ComplianceReport.Aws.Tests.Contract;

/// <summary>
/// Finds <c>shared/aws-models</c> by walking up from the test binaries: it sits beside the repo
/// (<c>../shared</c>) on the build machines and in CI, where the repo is cloned next to a copy of it.
/// </summary>
public static class AwsModels
{
    public static string Directory { get; } = Find();

    public static string PathOf(string service, string version) => Path.Combine(Directory, service, version, "service-2.json");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "aws-models");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"shared/aws-models not found above {AppContext.BaseDirectory}. Put the shared folder (with aws-models/) beside the repository clone.");
    }
}
