using System.Globalization;

namespace ComplianceReport.ScanBench;

/// <summary>Peak resident set (VmHWM) of a process, as Linux reports it in /proc/&lt;pid&gt;/status.</summary>
public static class ProcessMemory
{
    public static double PeakMiB(int pid) => ReadKiB(pid, "VmHWM:") / 1024.0;

    public static double CurrentMiB(int pid) => ReadKiB(pid, "VmRSS:") / 1024.0;

    private static long ReadKiB(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
