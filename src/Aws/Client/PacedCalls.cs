namespace ComplianceReport.Aws.Client;

/// <summary>
/// Calls an operation after the caller's pacing gate (the rate limiter), and when AWS throttles,
/// slows the gate down and goes back through it for another attempt: the gate knows the account's
/// real rate, so it, not the SDK's short back-off, paces retries of throttling (see
/// <see cref="PacedRetryPolicy"/>). A truncated answer is asked for again the same way. 5xx and
/// timeouts are the SDK's to retry.
/// </summary>
internal static class PacedCalls
{
    /// <summary>Attempts made through the gate before a throttled or unreadable operation is given up.</summary>
    public const int MaxPacedAttempts = 8;

    public static async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        AwsJsonClient client,
        Func<string, CancellationToken, ValueTask>? beforeRequest,
        Action<string>? onThrottled,
        string operation,
        TRequest request,
        CancellationToken cancellationToken)
    {
        if (beforeRequest is null)
        {
            return await client.InvokeAsync<TRequest, TResponse>(operation, request, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            await beforeRequest(operation, cancellationToken).ConfigureAwait(false);
            try
            {
                return await client.InvokeAsync<TRequest, TResponse>(operation, request, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.IsThrottling && attempt < MaxPacedAttempts)
            {
                onThrottled?.Invoke(operation);
            }
            catch (AwsMalformedResponseException) when (attempt < MaxPacedAttempts)
            {
                // A truncated 200 answer is transient (the SDK retries only errors): ask again, paced.
            }
        }
    }
}
