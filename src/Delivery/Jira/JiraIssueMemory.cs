using System.Collections.Concurrent;

namespace ComplianceReport.Delivery.Jira;

/// <summary>
/// The ids of issues this process created, by run label. Jira Cloud's <c>search/jql</c> is only
/// eventually consistent (a new issue can be missing from results for seconds to minutes), so a
/// quick re-run would otherwise create a duplicate; passing these ids as <c>reconcileIssues</c>
/// makes the search see them at once. Across restarts the search index has long caught up.
/// </summary>
public sealed class JiraIssueMemory
{
    private const int Capacity = 50;

    private readonly ConcurrentDictionary<string, long> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Remember(string runLabelTag, long issueId)
    {
        if (_created.TryAdd(runLabelTag, issueId))
        {
            _order.Enqueue(runLabelTag);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _created.TryRemove(oldest, out _);
            }
        }
    }

    public long? Recall(string runLabelTag) => _created.TryGetValue(runLabelTag, out var id) ? id : null;
}
