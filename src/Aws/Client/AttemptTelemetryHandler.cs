using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using ComplianceReport.Aws.Diagnostics;
using ComplianceReport.Compliance.Diagnostics;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// Sits inside the SDK's retry handler, so it sees every attempt: it counts attempts and
/// throttling answers and timed-out attempts on the call's span and in the metrics.
/// </summary>
internal sealed class AttemptTelemetryHandler : PipelineHandler
{
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var activity = Activity.Current;
        // The call's span (started by AwsJsonClient) names the service and operation.
        var service = activity?.GetTagItem("rpc.service") as string ?? "unknown";
        var operation = activity?.GetTagItem("rpc.method") as string ?? "unknown";
        // The SDK's own retries count up in the request context; a paced caller's repeat is a retry too.
        var sdkRetries = executionContext.RequestContext.Retries;
        var pacedRepeat = executionContext.RequestContext.OriginalRequest is AwsJsonRequest { PacedAttempt: > 1 };
        var isRetry = sdkRetries > 0 || pacedRepeat;
        activity?.SetTag("aws.attempts", sdkRetries + 1);
        AwsCallCounters.Current?.Attempt(isRetry);
        if (isRetry)
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
        catch (TimeoutException)
        {
            // The SDK turns an attempt that outlived ClientConfig.Timeout into TimeoutException and retries it.
            activity?.SetTag("aws.timeouts", (activity.GetTagItem("aws.timeouts") as int? ?? 0) + 1);
            AwsTelemetry.Timeouts.Add(1, Tags(service, operation));
            AwsCallCounters.Current?.TimedOut();
            throw;
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string service, string operation) =>
        [new("rpc.service", service), new("rpc.method", operation)];
}
