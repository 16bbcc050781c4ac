using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReport.Aws.Tests.RateLimiting;

public sealed class RequestRateLimiterTests
{
    [Fact]
    public async Task A_burst_goes_out_at_once_then_requests_are_paced_per_account_region_and_operation()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RequestRateLimiter(Microsoft.Extensions.Options.Options.Create(new ScanOptions { RequestsPerSecond = 1, RequestsBurst = 2 }), clock);

        await limiter.WaitAsync("111111111111", "eu-west-1", "GetComplianceDetailsByConfigRule", CancellationToken.None);
        await limiter.WaitAsync("111111111111", "eu-west-1", "GetComplianceDetailsByConfigRule", CancellationToken.None);
        var third = limiter.WaitAsync("111111111111", "eu-west-1", "GetComplianceDetailsByConfigRule", CancellationToken.None).AsTask();

        // Other operations, regions and accounts have their own buckets.
        await limiter.WaitAsync("111111111111", "eu-west-1", "BatchGetResourceConfig", CancellationToken.None);
        await limiter.WaitAsync("111111111111", "us-east-1", "GetComplianceDetailsByConfigRule", CancellationToken.None);
        await limiter.WaitAsync("222222222222", "eu-west-1", "GetComplianceDetailsByConfigRule", CancellationToken.None);

        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(third.IsCompleted);

        // One token takes 1 / (1 request/s x 90% headroom) = 1.11 s.
        clock.Advance(TimeSpan.FromMilliseconds(150));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
