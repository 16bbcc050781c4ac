using ComplianceReport.Aws.RateLimiting;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// Calls an operation after the caller's pacing gate (the rate limiter) and tells the gate how AWS
/// answered, so it learns the allowed rate; when AWS throttles, the gate slows down and the call
/// goes back through it for another attempt: the gate knows the account's
/// real rate, so it, not the SDK's short back-off, paces retries of throttling (see
/// <see cref="PacedRetryPolicy"/>). A truncated answer is asked for again the same way. 5xx and
/// timeouts are the SDK's to retry.
/// </summary>
internal static class PacedCalls
{
    /// <summary>Attempts made through the gate before an unreadable answer is given up.</summary>
    public const int MaxPacedAttempts = 8;

    /// <summary>
    /// Attempts before a throttled call is given up. More than for other faults: every throttling
    /// answer cuts the gate's rate, so each retry waits longer, and a bucket seeded high by its
    /// peers (up to Scan:MaxRequestsPerSecond) needs several cuts (0.7 each) to come under the
    /// account's limit: 8 attempts lost 4 account-regions of 200 at 1 request/s. Failing an
    /// account-region for throttling loses its findings; a slow retry only costs time.
    /// </summary>
    public const int MaxThrottledAttempts = 24;

    public static async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        AwsJsonClient client,
        IRequestPacer? pacer,
        string operation,
        TRequest request,
        CancellationToken cancellationToken)
    {
        if (pacer is null)
        {
            return await client.InvokeAsync<TRequest, TResponse>(operation, request, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            await pacer.WaitAsync(operation, cancellationToken).ConfigureAwait(false);
            TResponse response;
            try
            {
                response = await client.InvokeAsync<TRequest, TResponse>(operation, request, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.IsThrottling)
            {
                pacer.Throttled(operation);
                if (attempt < MaxThrottledAttempts)
                {
                    continue;
                }

                throw;
            }
            catch (AwsMalformedResponseException) when (attempt < MaxPacedAttempts)
            {
                // A truncated 200 answer is transient (the SDK retries only errors): ask again, paced.
                continue;
            }

            pacer.Succeeded(operation);
            return response;
        }
    }
}
