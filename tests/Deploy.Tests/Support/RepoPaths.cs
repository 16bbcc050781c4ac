namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>Locates the repository the tests run from (the directory holding ComplianceReport.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string Template(string fileName) => Path.Combine(Deploy, "cloudformation", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceReport.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ComplianceReport.sln above {AppContext.BaseDirectory}.");
    }
}
