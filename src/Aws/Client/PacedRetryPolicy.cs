using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// The SDK's standard retries, minus throttling for calls whose caller paces them: such a caller
/// (<see cref="PacedCalls"/>) waits on its own rate limiter, which knows the account's real rate,
/// instead of the SDK's short back-off that hits the same exhausted bucket again.
/// </summary>
internal sealed class PacedRetryPolicy(IClientConfig config) : StandardRetryPolicy(config)
{
    public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
        !LeftToCaller(executionContext, exception) && base.RetryForException(executionContext, exception);

    public override async Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        !LeftToCaller(executionContext, exception) && await base.RetryForExceptionAsync(executionContext, exception).ConfigureAwait(false);

    private bool LeftToCaller(IExecutionContext executionContext, Exception exception) =>
        executionContext.RequestContext.OriginalRequest is AwsJsonRequest { PacedAttempt: > 0 }
        && exception is AwsServiceException { IsThrottling: true };
}
