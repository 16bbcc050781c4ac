using System.Globalization;
using System.Text;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Delivery.Jira.Routing;

/// <summary>
/// Splits the run's findings by owner in one pass over the stream, writing a CSV per routed owner
/// as it goes, so memory holds only each owner's few worst findings whatever the run's size.
/// </summary>
internal static class OwnerFindingsCollector
{
    private static readonly string[] Header = ["Account", "Account name", "Region", "Rule", "Severity", "Resource type", "Resource id", "Resource name", "Annotation", "Last evaluated", "New"];

    /// <param name="routed">Owners that get an item (and so a CSV), compared case-insensitively.</param>
    /// <param name="directory">A folder of this delivery's own for the CSV files.</param>
    /// <returns>Every owner with findings, by owner name (case-insensitive).</returns>
    public static async Task<Dictionary<string, OwnerFindings>> CollectAsync(ReportArtifact artifact, ISet<string> routed, string directory, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, OwnerFindings>(StringComparer.OrdinalIgnoreCase);
        var added = artifact.Changes.Where(c => c.Kind == ChangeKind.New).Select(c => c.Finding.Key).ToHashSet();
        if (artifact.Findings is null)
        {
            // Without the rows: the evaluated counts, and what is new from the changes.
            foreach (var standing in artifact.Summary.OwnerList.Where(o => o.BySeverity.Total > 0))
            {
                var isNew = artifact.Changes.Count(c => c.Kind == ChangeKind.New && string.Equals(c.Finding.Owner ?? ResolvedOwner.UnassignedName, standing.Owner, StringComparison.OrdinalIgnoreCase));
                owners[standing.Owner] = new OwnerFindings(standing.Owner, standing.BySeverity, isNew);
            }

            return owners;
        }

        var writers = new Dictionary<string, StreamWriter>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await foreach (var finding in artifact.Findings.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (finding.Compliance != ComplianceType.NonCompliant || finding.AcceptedRiskId is not null)
                {
                    continue;
                }

                var name = finding.Owner ?? ResolvedOwner.UnassignedName;
                if (!owners.TryGetValue(name, out var owner))
                {
                    owner = owners[name] = new OwnerFindings(name);
                }

                var isNew = added.Contains(finding.Key);
                owner.Add(finding, isNew);
                if (routed.Contains(name))
                {
                    if (!writers.TryGetValue(name, out var writer))
                    {
                        owner.CsvPath = Path.Combine(directory, OwnerLabels.Slug(name) + ".csv");
                        // RFC 4180 lines end in CRLF; the byte order mark makes Excel read UTF-8.
                        writer = writers[name] = new StreamWriter(owner.CsvPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
                        await writer.WriteLineAsync(Row(Header)).ConfigureAwait(false);
                    }

                    await writer.WriteLineAsync(Row(Fields(finding, isNew))).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        return owners;
    }

    private static string[] Fields(Finding f, bool isNew) =>
    [
        f.AccountId,
        f.AccountName,
        f.Region,
        f.RuleName,
        f.Severity.ToString(),
        f.ResourceType,
        f.ResourceId,
        f.ResourceName ?? string.Empty,
        f.Annotation ?? string.Empty,
        f.LastEvaluated.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        isNew ? "yes" : "no",
    ];

    private static string Row(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    /// <summary>RFC 4180 quoting; a value a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
