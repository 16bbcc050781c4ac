using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Ports;

/// <summary>
/// Delivers a finished report somewhere (local folder, S3, Jira). Sinks run in <see cref="Order"/>;
/// each sees what the earlier ones delivered (Jira links to the S3 object). A sink reports its own
/// failure in the result rather than throwing, so one sink never loses the others' work. A sink
/// can be called again for the same run (after a crash, or by <c>report deliver</c>): it records
/// its intents in the journal and must not repeat an effect the journal shows may have happened.
/// </summary>
public interface IReportSink
{
    string Name { get; }

    int Order { get; }

    Task<DeliveryResult> DeliverAsync(ReportArtifact artifact, IReadOnlyList<DeliveryResult> earlier, IDeliveryJournal journal, CancellationToken cancellationToken);
}
