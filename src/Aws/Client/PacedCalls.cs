namespace ComplianceReport.Aws.Client;

/// <summary>
/// Calls an operation after the caller's pacing gate (the rate limiter), and when AWS still throttles
/// after the SDK's own retries, goes back through the gate for another attempt: the SDK's retries
/// share one quota per endpoint across every account, so under a heavy scan it can run dry. A
/// truncated answer is asked for again the same way.
/// </summary>
internal static class PacedCalls
{
    /// <summary>Calls (each with the SDK's own retries) made before a throttled or unreadable operation is given up.</summary>
    public const int MaxThrottledAttempts = 3;

    public static async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        AwsJsonClient client,
        Func<string, CancellationToken, ValueTask>? beforeRequest,
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
            catch (AwsServiceException ex) when (ex.IsThrottling && beforeRequest is not null && attempt < MaxThrottledAttempts)
            {
                // Loop: the gate paces the next attempt.
            }
            catch (AwsMalformedResponseException) when (beforeRequest is not null && attempt < MaxThrottledAttempts)
            {
                // A truncated 200 answer is transient (the SDK retries only errors): ask again, paced.
            }
        }
    }
}
