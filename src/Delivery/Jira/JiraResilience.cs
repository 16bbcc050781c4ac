using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ComplianceReport.Delivery.Jira;

/// <summary>
/// The resilience pipelines around every Jira request: retries of 429, 5xx, timeouts and refused
/// connections (honouring <c>Retry-After</c>), a circuit breaker that stops hammering a Jira that
/// is down, and a timeout per attempt (<c>Jira:RequestTimeout</c>). The attempt timeout is a pipeline
/// of its own, inside the retries, so that each try gets the full timeout.
/// </summary>
public static class JiraResilience
{
    /// <summary>
    /// Set on requests whose repetition could duplicate an effect (creating an issue): only a 429,
    /// which Jira answers without acting, is retried; the sink searches before trying again.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("ComplianceReport.Jira.NotIdempotent");

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    public static void AddRetryAndCircuitBreaker(ResiliencePipelineBuilder<HttpResponseMessage> builder, JiraOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        builder.TimeProvider = time;
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = FirstBackoff,
                MaxDelay = options.MaxRetryDelay,
                // Our own Retry-After reading, on the pipeline's clock (the built-in one reads HTTP dates against the system clock).
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                OnRetry = args =>
                {
                    var path = args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath ?? "request";
                    JiraLog.Retrying(logger, path, (int?)args.Outcome.Result?.StatusCode ?? 0, (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, options.MaxAttempts - 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.8,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromSeconds(30),
        });
    }

    public static void AddAttemptTimeout(ResiliencePipelineBuilder<HttpResponseMessage> builder, JiraOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout });
    }

    /// <summary>The Retry-After delay of a response (delta seconds or an HTTP date), if it names one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, JiraOptions options, TimeProvider time)
    {
        var notIdempotent = context.GetRequestMessage()?.Options.TryGetValue(NotIdempotent, out var flag) == true && flag;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (!notIdempotent && status >= 500);

            // A Retry-After beyond Jira:MaxRetryDelay fails the delivery rather than stall the run.
            return retryable && !(RetryAfter(response, time) > options.MaxRetryDelay);
        }

        // A timeout or a refused connection: the request may or may not have arrived.
        return !notIdempotent && outcome.Exception is HttpRequestException or TimeoutRejectedException;
    }
}
