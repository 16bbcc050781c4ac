using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReport.Aws.Tests.RateLimiting;

public sealed class RequestRateLimiterTests
{
    private const string Account = "111111111111";
    private const string Region = "eu-west-1";
    private const string Details = "GetComplianceDetailsByConfigRule";

    private readonly FakeTimeProvider _clock = new();

    private RequestRateLimiter Limiter(double start = 1, double? max = null, int burst = 2) =>
        new(Microsoft.Extensions.Options.Options.Create(new ScanOptions { RequestsPerSecond = start, MaxRequestsPerSecond = max, RequestsBurst = burst }), _clock);

    private static void Succeed(RequestRateLimiter limiter, int times, string account = Account, string operation = Details)
    {
        for (var i = 0; i < times; i++)
        {
            limiter.Succeeded(account, Region, operation);
        }
    }

    [Fact]
    public async Task A_burst_goes_out_at_once_then_requests_are_paced_per_account_region_and_operation()
    {
        var limiter = Limiter();

        await limiter.WaitAsync(Account, Region, Details, CancellationToken.None);
        await limiter.WaitAsync(Account, Region, Details, CancellationToken.None);
        var third = limiter.WaitAsync(Account, Region, Details, CancellationToken.None).AsTask();

        // Other operations, regions and accounts have their own buckets.
        await limiter.WaitAsync(Account, Region, "BatchGetResourceConfig", CancellationToken.None);
        await limiter.WaitAsync(Account, "us-east-1", Details, CancellationToken.None);
        await limiter.WaitAsync("222222222222", Region, Details, CancellationToken.None);

        // One token takes 1 s at the starting rate of 1 request/s.
        _clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task It_climbs_while_calls_succeed_and_paces_at_the_rate_it_reached()
    {
        var limiter = Limiter(burst: 1);

        Succeed(limiter, 5);

        Assert.Equal(1 + (5 * AdaptiveBucket.SlowStartIncrement), limiter.CurrentRate(Account, Region, Details), 9);
        await limiter.WaitAsync(Account, Region, Details, CancellationToken.None);
        var next = limiter.WaitAsync(Account, Region, Details, CancellationToken.None).AsTask();

        // At 6 requests/s the next token takes 167 ms, not the starting rate's 1 s.
        _clock.Advance(TimeSpan.FromMilliseconds(170));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_throttling_answer_cuts_the_rate_then_it_returns_to_the_throttling_point_and_stays_near_it_before_probing_above()
    {
        var limiter = Limiter();
        Succeed(limiter, 9);
        Assert.Equal(10, limiter.CurrentRate(Account, Region, Details), 9);

        limiter.Throttled(Account, Region, Details);
        Assert.Equal(10 * AdaptiveBucket.Beta, limiter.CurrentRate(Account, Region, Details), 9);

        // Quickly most of the way back, at the throttling point after the plateau time, and barely above it for as long again.
        var rates = new List<double>();
        foreach (var at in new[] { 2, AdaptiveBucket.PlateauSeconds, AdaptiveBucket.PlateauSeconds * 1.2, AdaptiveBucket.PlateauSeconds * 2.5 })
        {
            _clock.SetUtcNow(_clock.Start + TimeSpan.FromSeconds(at));
            Succeed(limiter, 1);
            rates.Add(limiter.CurrentRate(Account, Region, Details));
        }

        Assert.InRange(rates[0], 8, 10);
        Assert.Equal(10, rates[1], 9);
        Assert.InRange(rates[2], 10, 10.05);
        Assert.True(rates[3] > 10.5, $"probing above the throttling point: {rates[3]}");
    }

    [Fact]
    public void Throttling_answers_to_calls_already_in_flight_cut_only_once()
    {
        var limiter = Limiter();
        Succeed(limiter, 9);

        limiter.Throttled(Account, Region, Details);
        limiter.Throttled(Account, Region, Details);
        Assert.Equal(7, limiter.CurrentRate(Account, Region, Details), 9);

        _clock.Advance(AdaptiveBucket.CutCooldown);
        limiter.Throttled(Account, Region, Details);
        Assert.Equal(7 * AdaptiveBucket.Beta, limiter.CurrentRate(Account, Region, Details), 9);
    }

    [Fact]
    public void It_never_climbs_above_the_ceiling_nor_falls_below_a_sixteenth_of_the_start()
    {
        var limiter = Limiter(start: 2, max: 5);

        Succeed(limiter, 100);
        Assert.Equal(5, limiter.CurrentRate(Account, Region, Details), 9);

        // Along the curve, long after a cut, too.
        limiter.Throttled(Account, Region, Details);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Succeed(limiter, 100);
        Assert.Equal(5, limiter.CurrentRate(Account, Region, Details), 9);

        for (var i = 0; i < 50; i++)
        {
            limiter.Throttled(Account, Region, Details);
            _clock.Advance(AdaptiveBucket.CutCooldown);
        }

        Assert.Equal(2 * AdaptiveBucket.MinRateFactor, limiter.CurrentRate(Account, Region, Details), 9);
    }

    [Fact]
    public void Without_a_configured_ceiling_it_stops_at_twenty_requests_per_second()
    {
        var limiter = Limiter();

        Succeed(limiter, 100);

        Assert.Equal(ScanOptions.DefaultMaxRequestsPerSecond, limiter.CurrentRate(Account, Region, Details), 9);
    }

    [Fact]
    public void What_one_account_region_learnt_seeds_new_account_regions_of_the_same_operation()
    {
        var limiter = Limiter();
        Succeed(limiter, 9);
        limiter.Throttled(Account, Region, Details);
        Assert.Equal(7, limiter.LearntRate(Details), 9);

        // A later account starts where the first one is, not at the configured rate, for this operation only.
        Assert.Equal(7, limiter.CurrentRate("222222222222", Region, Details), 9);
        Assert.Equal(1, limiter.CurrentRate("222222222222", Region, "BatchGetResourceConfig"), 9);

        // It follows its peer's curve (back towards 10), not a slow start that would run into the same limit.
        _clock.Advance(TimeSpan.FromSeconds(AdaptiveBucket.PlateauSeconds));
        Succeed(limiter, 5, account: "222222222222");
        Assert.Equal(10, limiter.CurrentRate("222222222222", Region, Details), 9);
    }

    [Fact]
    public void A_new_account_region_starts_at_the_rate_its_peers_climbed_to_before_any_throttling()
    {
        var limiter = Limiter();
        Succeed(limiter, 4);

        Assert.Equal(5, limiter.CurrentRate("222222222222", Region, Details), 9);
    }

    [Fact]
    public void After_an_idle_hour_an_operation_starts_again_from_the_configured_rate()
    {
        var limiter = Limiter();
        Succeed(limiter, 9);
        limiter.Throttled(Account, Region, Details);

        _clock.Advance(RequestRateLimiter.ForgetAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(1, limiter.CurrentRate(Account, Region, Details), 9);
        Assert.Equal(1, limiter.CurrentRate("222222222222", Region, Details), 9);
        Succeed(limiter, 1);
        Assert.Equal(2, limiter.CurrentRate(Account, Region, Details), 9);
    }
}
