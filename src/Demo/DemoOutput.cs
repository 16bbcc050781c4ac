using System.Globalization;

namespace ComplianceReport.Demo;

/// <summary>
/// Where the demo's files land: <c>--out</c> resolved against the caller's directory. The silo
/// writes into a private work folder inside it; finished files are then moved up under a free
/// name (<c>compliance-report-2026-W49-2.xlsx</c>), so no demo overwrites an earlier one, even
/// two demos at once.
/// </summary>
public sealed class DemoOutput
{
    private DemoOutput(string directory, string workDirectory)
    {
        Directory = directory;
        WorkDirectory = workDirectory;
    }

    public string Directory { get; }

    /// <summary>The silo's <c>Report:OutputDirectory</c>.</summary>
    public string WorkDirectory { get; }

    public static DemoOutput Create(string path)
    {
        var directory = Path.GetFullPath(path);
        var work = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".demo-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"));
        System.IO.Directory.CreateDirectory(work);
        return new DemoOutput(directory, work);
    }

    /// <summary>Moves the finished files (not the writers' <c>.partial</c> ones) up; returns their new paths by old path.</summary>
    public IReadOnlyDictionary<string, string> Publish()
    {
        var moved = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(WorkDirectory))
        {
            return moved;
        }

        // One counter for the files of one publish, so a workbook and its Jira dry-run file keep matching names.
        var files = System.IO.Directory.GetFiles(WorkDirectory).Where(f => !f.EndsWith(".partial", StringComparison.Ordinal)).ToList();
        for (var counter = 1; files.Count > 0; counter++)
        {
            if (files.Any(f => File.Exists(Target(f, counter))))
            {
                continue;
            }

            foreach (var file in files.ToList())
            {
                try
                {
                    File.Move(file, Target(file, counter), overwrite: false);
                    moved[file] = Target(file, counter);
                    files.Remove(file);
                }
                catch (IOException) when (File.Exists(Target(file, counter)))
                {
                    // Another demo took the name a moment ago: the next counter.
                }
            }
        }

        return moved;
    }

    /// <summary>Publishes what is left and removes the work folder.</summary>
    public void Close()
    {
        Publish();
        try
        {
            System.IO.Directory.Delete(WorkDirectory, recursive: false);
        }
        catch (IOException)
        {
            // A file still being written: leave the folder rather than lose it.
        }
    }

    private string Target(string file, int counter)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var suffix = counter == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"-{counter}");
        return Path.Combine(Directory, name + suffix + Path.GetExtension(file));
    }
}
