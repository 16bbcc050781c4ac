using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceReport.Compliance;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Delivery;

/// <summary>
/// Names derived from a run: the S3 object name, the Jira label and the dry-run file. They are built
/// only from our own week label and run id (never from AWS-controlled strings), so a hostile
/// account name cannot steer where a report is written.
/// </summary>
/// <remarks>
/// A scheduled run is named by its ISO week alone (<c>2026-W48</c>), so re-running a week overwrites
/// the same S3 key and finds the same Jira issue. An on-demand run adds its sanitized run id
/// (<c>2026-W48-&lt;run id&gt;</c>): it lands in the same week folder without replacing the
/// scheduled report, and gets its own ticket.
/// </remarks>
public static partial class RunNaming
{
    private const int MaxRunIdLength = 64;

    /// <summary>The run's label, for example <c>2026-W48</c> or <c>2026-W48-0f3c2a</c>.</summary>
    /// <exception cref="ArgumentException">The run's ISO week is not a <c>yyyy-Www</c> label.</exception>
    public static string RunLabel(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!IsoWeekPattern().IsMatch(run.IsoWeek))
        {
            throw new ArgumentException($"The run's ISO week '{Truncate(run.IsoWeek)}' is not a yyyy-Www label.", nameof(run));
        }

        if (run.Trigger == RunTrigger.Scheduled)
        {
            return run.IsoWeek;
        }

        var id = SanitizeRunId(run.RunId);
        if (id.Length == 0 || string.Equals(id, run.IsoWeek, StringComparison.Ordinal))
        {
            return run.IsoWeek;
        }

        return id.StartsWith(run.IsoWeek + "-", StringComparison.Ordinal) ? id : $"{run.IsoWeek}-{id}";
    }

    /// <summary>The workbook's name in S3 and as a Jira attachment: <c>compliance-report-2026-W48.xlsx</c>.</summary>
    public static string WorkbookFileName(RunInfo run) => $"compliance-report-{RunLabel(run)}.xlsx";

    /// <summary>The ISO week-numbering year of the run (the first folder under the prefix).</summary>
    public static string WeekYear(RunInfo run) =>
        IsoWeek.YearOf(run.IsoWeek).ToString("D4", CultureInfo.InvariantCulture);

    private static string SanitizeRunId(string runId)
    {
        var builder = new StringBuilder(Math.Min(runId.Length, MaxRunIdLength));
        foreach (var c in runId)
        {
            if (builder.Length == MaxRunIdLength)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        return builder.ToString().Trim('-');
    }

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32];

    [GeneratedRegex(@"^\d{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWeekPattern();
}
