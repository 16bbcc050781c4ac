using System.Diagnostics;

namespace ComplianceReport.Client.Cli;

public static class CliTelemetry
{
    /// <summary>The CLI's spans; a rescan or run started here shares its trace with the silo's work.</summary>
    public static readonly ActivitySource ActivitySource = new("ComplianceReport.Client");

    /// <summary>
    /// Records the CLI's own spans and Orleans' client spans, so that the trace context travels
    /// with each grain call (without a listener no span exists and the silo starts a new trace).
    /// </summary>
    public static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "ComplianceReport.Client" or "Microsoft.Orleans.Application",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
