namespace ComplianceReport.Reliability.Tests.Support;

/// <summary>Paths of the repository's own build output, in the same configuration as these tests.</summary>
public static class BuiltApp
{
    public static string Silo => Path("src", "Silo", "ComplianceReport.Silo.dll");

    public static string Client => Path("src", "Client", "ComplianceReport.Client.dll");

    public static string Demo => Path("src", "Demo", "ComplianceReport.Demo.dll");

    private static string Path(string folder, string project, string assembly)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "ComplianceReport.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("ComplianceReport.sln not found above the test folder.");
        }

        var path = System.IO.Path.Combine(root.FullName, folder, project, "bin", configuration, framework, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {folder}/{project} first ({configuration}): {path} is missing.");
    }
}
