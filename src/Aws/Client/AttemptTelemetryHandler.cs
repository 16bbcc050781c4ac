using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using ComplianceReport.Aws.Diagnostics;
using ComplianceReport.Compliance.Diagnostics;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// Sits inside the SDK's retry handler, so it sees every attempt: it counts attempts and
/// throttling answers on the call's span and in the metrics.
/// </summary>
internal sealed class AttemptTelemetryHandler : PipelineHandler
{
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var activity = Activity.Current;
        // The call's span (started by AwsJsonClient) names the service and operation.
        var service = activity?.GetTagItem("rpc.service") as string ?? "unknown";
        var operation = activity?.GetTagItem("rpc.method") as string ?? "unknown";
        var attempt = (activity?.GetTagItem("aws.attempts") as int? ?? 0) + 1;
        activity?.SetTag("aws.attempts", attempt);
        AwsCallCounters.Current?.Attempt(isRetry: attempt > 1);
        if (attempt > 1)
        {
            AwsTelemetry.Retries.Add(1, Tags(service, operation));
        }

        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (AwsTelemetry.IsThrottling(ex.ErrorCode) || (int)ex.StatusCode == 429)
        {
            activity?.SetTag("aws.throttled", true);
            activity?.SetTag("aws.throttles", (activity.GetTagItem("aws.throttles") as int? ?? 0) + 1);
            AwsTelemetry.Throttles.Add(1, Tags(service, operation));
            AwsCallCounters.Current?.Throttled();
            throw;
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string service, string operation) =>
        [new("rpc.service", service), new("rpc.method", operation)];
}
