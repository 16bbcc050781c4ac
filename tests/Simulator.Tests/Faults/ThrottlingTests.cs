using ComplianceReport.AwsSimulator.Faults;

namespace ComplianceReport.Simulator.Tests.Faults;

public sealed class ThrottlingTests
{
    [Fact]
    public void A_bucket_allows_its_burst_then_one_call_per_refill()
    {
        var bucket = new TokenBucket(rate: 1, burst: 2, nowSeconds: 100);

        Assert.True(bucket.TryTake(100));
        Assert.True(bucket.TryTake(100));
        Assert.False(bucket.TryTake(100));
        Assert.False(bucket.TryTake(100.5));
        Assert.True(bucket.TryTake(101.0));
        Assert.False(bucket.TryTake(101.0));

        // A long pause refills to the burst, not beyond.
        Assert.True(bucket.TryTake(200));
        Assert.True(bucket.TryTake(200));
        Assert.False(bucket.TryTake(200));
    }

    [Fact]
    public void Each_account_region_and_operation_has_its_own_bucket()
    {
        var clock = new SimulatorClock(TimeProvider.System);
        var throttler = new Throttler(rate: 0.001, burst: 1, clock);

        Assert.True(throttler.TryAcquire("111111111111", "us-east-1", "DescribeConfigRules"));
        Assert.False(throttler.TryAcquire("111111111111", "us-east-1", "DescribeConfigRules"));
        Assert.True(throttler.TryAcquire("111111111111", "eu-west-1", "DescribeConfigRules"));
        Assert.True(throttler.TryAcquire("111111111111", "us-east-1", "GetComplianceDetailsByConfigRule"));
        Assert.True(throttler.TryAcquire("222222222222", "us-east-1", "DescribeConfigRules"));

        // Moving the simulator clock refills the bucket.
        clock.Advance(TimeSpan.FromSeconds(1001));
        Assert.True(throttler.TryAcquire("111111111111", "us-east-1", "DescribeConfigRules"));
    }

    [Fact]
    public void Throttling_is_off_at_zero_rate()
    {
        var throttler = new Throttler(rate: 0, burst: 1, new SimulatorClock(TimeProvider.System));

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(throttler.TryAcquire("111111111111", "us-east-1", "DescribeConfigRules")));
    }
}
