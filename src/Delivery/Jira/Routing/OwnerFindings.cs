using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Delivery.Jira.Routing;

/// <summary>One owner's non-compliant findings of the run (after accepted risk), as routing needs them.</summary>
internal sealed class OwnerFindings(string owner, SeverityCounts? counts = null, int isNew = 0)
{
    public const int TopCount = 10;

    private readonly List<Finding> _top = [];

    public string Owner { get; } = owner;

    public SeverityCounts Counts { get; private set; } = counts ?? SeverityCounts.Zero;

    /// <summary>Findings new since the previous scheduled run.</summary>
    public int New { get; private set; } = isNew;

    /// <summary>Findings the previous scheduled run had too: zero means every earlier finding is resolved.</summary>
    public int Carried => Math.Max(0, Counts.Total - New);

    /// <summary>The most severe findings, worst first (the first seen among equals).</summary>
    public IReadOnlyList<Finding> Top => _top;

    /// <summary>The CSV of all the owner's findings, when one was written.</summary>
    public string? CsvPath { get; set; }

    public void Add(Finding finding, bool isNew)
    {
        Counts = Counts.Add(finding.Severity);
        New += isNew ? 1 : 0;
        if (_top.Count == TopCount && _top[^1].Severity >= finding.Severity)
        {
            return;
        }

        var at = _top.FindIndex(f => f.Severity < finding.Severity);
        _top.Insert(at < 0 ? _top.Count : at, finding);
        if (_top.Count > TopCount)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }
}
