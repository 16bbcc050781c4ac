namespace ComplianceReport.Grains.Interfaces.Reports;

/// <summary>What <c>report run</c> asks for.</summary>
/// <param name="TraceParent">The caller's W3C trace context, so the run's spans join the CLI's trace.</param>
/// <param name="New">Start a new run even while one is in progress (<c>--new</c>); otherwise the caller is attached to that run.</param>
/// <param name="Deliver">False writes the workbook only (<c>--no-deliver</c>): no S3 upload, no Jira.</param>
[GenerateSerializer, Immutable, Alias("ComplianceReport.OnDemandRunRequest")]
public sealed record OnDemandRunRequest(
    [property: Id(0)] string? TraceParent,
    [property: Id(1)] bool New = false,
    [property: Id(2)] bool Deliver = true);
