namespace ComplianceReport.Aws.Client;

/// <summary>
/// Calls an operation after the caller's pacing gate (the rate limiter), and when AWS still throttles
/// after the SDK's own retries, goes back through the gate for another attempt: the SDK's retries
/// share one quota per endpoint across every account, so under a heavy scan it can run dry. A
/// truncated answer is asked for again the same way.
/// </summary>
internal static class PacedCalls
{
    /// <summary>Calls (each with the SDK's own retries) made before a throttled, failing (5xx) or unreadable operation is given up.</summary>
    public const int MaxThrottledAttempts = 5;

    public static async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        AwsJsonClient client,
        Func<string, CancellationToken, ValueTask>? beforeRequest,
        Action<string>? onThrottled,
        string operation,
        TRequest request,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (beforeRequest is not null)
            {
                await beforeRequest(operation, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await client.InvokeAsync<TRequest, TResponse>(operation, request, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when ((ex.IsThrottling || (int)ex.StatusCode >= 500) && beforeRequest is not null && attempt < MaxThrottledAttempts)
            {
                // Loop: the gate (slowed down after throttling) paces the next attempt. A 5xx lands
                // here once throttling has drained the SDK's retry quota.
                if (ex.IsThrottling)
                {
                    onThrottled?.Invoke(operation);
                }
            }
            catch (AwsMalformedResponseException) when (beforeRequest is not null && attempt < MaxThrottledAttempts)
            {
                // A truncated 200 answer is transient (the SDK retries only errors): ask again, paced.
            }
        }
    }
}
