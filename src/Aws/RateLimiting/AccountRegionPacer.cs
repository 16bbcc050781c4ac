namespace ComplianceReport.Aws.RateLimiting;

/// <summary>The limiter's buckets of one account and region, as the clients see them.</summary>
internal sealed class AccountRegionPacer(RequestRateLimiter limiter, string accountId, string region) : IRequestPacer
{
    public ValueTask WaitAsync(string operation, CancellationToken cancellationToken) =>
        limiter.WaitAsync(accountId, region, operation, cancellationToken);

    public void Succeeded(string operation) => limiter.Succeeded(accountId, region, operation);

    public void Throttled(string operation) => limiter.Throttled(accountId, region, operation);
}
