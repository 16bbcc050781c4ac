using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Compliance.Diagnostics;
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

    /// <summary>Sends requests as fast as the bucket lets them go, each answered at once, until it reaches <paramref name="rate"/>.</summary>
    private async Task ClimbToAsync(RequestRateLimiter limiter, double rate, string account = Account)
    {
        for (var i = 0; i < 1000 && limiter.CurrentRate(account, Region, Details) < rate; i++)
        {
            await SendOneAsync(limiter, account);
        }

        Assert.True(limiter.CurrentRate(account, Region, Details) >= rate, $"stuck at {limiter.CurrentRate(account, Region, Details)}/s");
    }

    /// <summary>Sends <paramref name="calls"/> requests as fast as the bucket lets them go, each answered at once.</summary>
    private async Task SendAsync(RequestRateLimiter limiter, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            await SendOneAsync(limiter, Account);
        }
    }

    /// <summary>
    /// One token's time (rounded up to whole ticks), then one request, answered: the token is there, so it is granted at
    /// once on this thread. Advancing while a grant waits on the thread pool raced with it on a loaded machine
    /// (the clock ran ahead of the requests, and a climb stuck at 11/s).
    /// </summary>
    private async Task SendOneAsync(RequestRateLimiter limiter, string account)
    {
        _clock.Advance(TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / limiter.CurrentRate(account, Region, Details))));
        await limiter.WaitAsync(account, Region, Details, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        limiter.Succeeded(account, Region, Details);
    }

    /// <summary>A request goes at once, and the next only one token's time at <paramref name="rate"/> later: no burst.</summary>
    private async Task AssertNoBurstAsync(RequestRateLimiter limiter, double rate)
    {
        await limiter.WaitAsync(Account, Region, Details, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var second = limiter.WaitAsync(Account, Region, Details, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1.01 / rate));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
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

        await ClimbToAsync(limiter, 6);

        var next = limiter.WaitAsync(Account, Region, Details, CancellationToken.None).AsTask();
        await limiter.WaitAsync(Account, "us-east-1", Details, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(170));

        // At 6 requests/s or more a token takes at most 167 ms, not the starting rate's 1 s.
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void It_climbs_no_faster_than_twice_the_rate_requests_really_went_out_at()
    {
        var limiter = Limiter();

        // Answers without requests going out (a chain waiting on its answers sends slowly): no runaway climb.
        Succeed(limiter, 50);

        Assert.Equal(2, limiter.CurrentRate(Account, Region, Details), 9);
    }

    [Fact]
    public async Task A_throttling_answer_cuts_the_rate_then_it_returns_to_the_throttling_point_and_stays_near_it_before_probing_above()
    {
        var limiter = Limiter();
        await ClimbToAsync(limiter, 10);
        var point = Math.Min(10, limiter.CurrentRate(Account, Region, Details));

        limiter.Throttled(Account, Region, Details);
        var cut = limiter.CurrentRate(Account, Region, Details);
        // Cut from what really went out (the measured rate lags a climbing bucket), not from the bucket's own rate.
        Assert.InRange(cut, 3, point * AdaptiveBucket.Beta);
        var throttledAt = _clock.GetUtcNow();

        // Quickly most of the way back, at the throttling point after the plateau time, and barely above it for as long again.
        var rates = new List<double>();
        foreach (var at in new[] { 2, AdaptiveBucket.PlateauSeconds, AdaptiveBucket.PlateauSeconds * 1.2, AdaptiveBucket.PlateauSeconds * 2.5 })
        {
            _clock.SetUtcNow(throttledAt + TimeSpan.FromSeconds(at));
            Succeed(limiter, 1);
            rates.Add(limiter.CurrentRate(Account, Region, Details));
        }

        var reached = cut / AdaptiveBucket.Beta;
        Assert.InRange(rates[0], cut, reached);
        Assert.Equal(reached, rates[1], 9);
        Assert.InRange(rates[2], reached, reached * 1.005);
        Assert.True(rates[3] > reached * 1.05, $"probing above the throttling point {reached}: {rates[3]}");
    }

    [Fact]
    public async Task Throttling_answers_to_calls_already_in_flight_cut_only_once()
    {
        var limiter = Limiter();
        await ClimbToAsync(limiter, 10);

        limiter.Throttled(Account, Region, Details);
        var cut = limiter.CurrentRate(Account, Region, Details);
        limiter.Throttled(Account, Region, Details);
        Assert.Equal(cut, limiter.CurrentRate(Account, Region, Details), 9);

        _clock.Advance(AdaptiveBucket.CutCooldown);
        limiter.Throttled(Account, Region, Details);
        Assert.True(limiter.CurrentRate(Account, Region, Details) < cut);
    }

    [Fact]
    public async Task It_never_climbs_above_the_ceiling_nor_falls_below_a_sixteenth_of_the_start()
    {
        var limiter = Limiter(start: 2, max: 5);

        await ClimbToAsync(limiter, 5);
        await ClimbToAsync(limiter, 5);
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
    public async Task Without_a_configured_ceiling_it_stops_at_twenty_requests_per_second()
    {
        var limiter = Limiter();

        await ClimbToAsync(limiter, ScanOptions.DefaultMaxRequestsPerSecond);
        Succeed(limiter, 100);

        Assert.Equal(ScanOptions.DefaultMaxRequestsPerSecond, limiter.CurrentRate(Account, Region, Details), 9);
    }

    [Fact]
    public async Task What_one_account_region_learnt_seeds_new_account_regions_of_the_same_operation()
    {
        var limiter = Limiter();
        await ClimbToAsync(limiter, 10);
        limiter.Throttled(Account, Region, Details);
        var cut = limiter.CurrentRate(Account, Region, Details);
        Assert.Equal(cut, limiter.LearntRate(Details), 9);

        // A later account starts where the first one is, not at the configured rate, for this operation only.
        Assert.Equal(cut, limiter.CurrentRate("222222222222", Region, Details), 9);
        Assert.Equal(1, limiter.CurrentRate("222222222222", Region, "BatchGetResourceConfig"), 9);

        // It follows its peer's curve (back to the peer's throttling point), not a slow start that would run into the same limit.
        _clock.Advance(TimeSpan.FromSeconds(AdaptiveBucket.PlateauSeconds));
        Succeed(limiter, 5, account: "222222222222");
        Assert.Equal(cut / AdaptiveBucket.Beta, limiter.CurrentRate("222222222222", Region, Details), 9);
    }

    [Fact]
    public async Task A_new_account_region_starts_at_the_rate_its_peers_climbed_to_before_any_throttling()
    {
        var limiter = Limiter();
        await ClimbToAsync(limiter, 5);

        Assert.Equal(limiter.CurrentRate(Account, Region, Details), limiter.CurrentRate("222222222222", Region, Details), 9);
    }

    [Fact]
    public async Task After_an_idle_hour_an_operation_starts_again_from_the_configured_rate()
    {
        var limiter = Limiter();
        await ClimbToAsync(limiter, 10);
        limiter.Throttled(Account, Region, Details);

        _clock.Advance(RequestRateLimiter.ForgetAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(1, limiter.CurrentRate(Account, Region, Details), 9);
        Assert.Equal(1, limiter.CurrentRate("222222222222", Region, Details), 9);
        Succeed(limiter, 1);
        Assert.Equal(2, limiter.CurrentRate(Account, Region, Details), 9);
    }

    [Fact]
    public async Task Forgetting_starts_every_account_region_again_from_the_configured_rate_as_a_week_without_calls_does()
    {
        var limiter = Limiter();
        await ClimbToAsync(limiter, 10);
        limiter.Throttled(Account, Region, Details);

        limiter.Forget();

        Assert.Equal(1, limiter.LearntRate(Details), 9);
        Assert.Equal(1, limiter.CurrentRate(Account, Region, Details), 9);
        Assert.Equal(1, limiter.CurrentRate("222222222222", Region, Details), 9);
    }

    [Fact]
    public async Task A_scan_told_where_the_last_run_was_throttled_starts_there_holds_it_then_probes_above()
    {
        var limiter = Limiter();
        await Task.Yield();
        AwsCallCounters.Current = new AwsCallCounters { StartRates = new Dictionary<string, double> { [Details] = 3.2 } };

        // Every account-region of the operation starts at the learnt limit, not at the configured 1/s, and not by slow start past it.
        Assert.Equal(3.2, limiter.CurrentRate(Account, Region, Details), 9);
        Assert.Equal(3.2, limiter.CurrentRate("222222222222", Region, Details), 9);
        Assert.Equal(1, limiter.CurrentRate(Account, Region, "BatchGetResourceConfig"), 9);
        Succeed(limiter, 5);
        Assert.Equal(3.2, limiter.CurrentRate(Account, Region, Details), 9);

        // It holds the plateau for a while, then probes above it in case AWS allows more this week.
        _clock.Advance(TimeSpan.FromSeconds(AdaptiveBucket.PlateauSeconds / 5));
        Succeed(limiter, 1);
        Assert.InRange(limiter.CurrentRate(Account, Region, Details), 3.2, 3.2 * 1.005);
        _clock.Advance(TimeSpan.FromSeconds(AdaptiveBucket.PlateauSeconds * 1.5));
        Succeed(limiter, 1);
        Assert.True(limiter.CurrentRate(Account, Region, Details) > 3.2 * 1.05, $"probing: {limiter.CurrentRate(Account, Region, Details)}/s");
    }

    [Fact]
    public async Task A_learnt_start_is_capped_by_the_ceiling_and_ignored_while_the_operation_has_a_pace_from_this_hour()
    {
        var limiter = Limiter(max: 4);
        await Task.Yield();
        AwsCallCounters.Current = new AwsCallCounters { StartRates = new Dictionary<string, double> { [Details] = 9, ["BatchGetResourceConfig"] = 2 } };
        Assert.Equal(4, limiter.CurrentRate(Account, Region, Details), 9);

        // An on-demand scan earlier this hour taught the operation its rate: a run's learnt start does not replace it.
        var other = Limiter();
        AwsCallCounters.Current = null;
        Assert.Equal(1, other.CurrentRate(Account, Region, "BatchGetResourceConfig"), 9);
        AwsCallCounters.Current = new AwsCallCounters { StartRates = new Dictionary<string, double> { ["BatchGetResourceConfig"] = 2 } };
        Assert.Equal(1, other.CurrentRate("222222222222", Region, "BatchGetResourceConfig"), 9);

        // A week later it has forgotten, and starts where it is told; a learnt rate far below the configured start is raised to Beta of it.
        _clock.Advance(RequestRateLimiter.ForgetAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(2, other.CurrentRate("333333333333", Region, "BatchGetResourceConfig"), 9);
        AwsCallCounters.Current = new AwsCallCounters { StartRates = new Dictionary<string, double> { [Details] = 0.06, ["DescribeConfigRules"] = 0.9 } };
        Assert.Equal(AdaptiveBucket.Beta, other.CurrentRate("333333333333", Region, Details), 9);
        Assert.Equal(0.9, other.CurrentRate("333333333333", Region, "DescribeConfigRules"), 9);
    }

    [Fact]
    public async Task After_a_throttling_answer_it_no_longer_bursts()
    {
        var limiter = Limiter(burst: 3);
        await ClimbToAsync(limiter, 4);
        limiter.Throttled(Account, Region, Details);
        var rate = limiter.CurrentRate(Account, Region, Details);

        // Long idle: the bucket refills, but to one token, not three.
        _clock.Advance(TimeSpan.FromSeconds(30));
        await AssertNoBurstAsync(limiter, rate);
    }

    [Fact]
    public async Task A_scan_counts_where_AWS_throttled_each_operation()
    {
        var limiter = Limiter();
        await Task.Yield();
        var counters = new AwsCallCounters();
        AwsCallCounters.Current = counters;
        await ClimbToAsync(limiter, 6);

        limiter.Throttled(Account, Region, Details);
        limiter.Succeeded(Account, Region, "BatchGetResourceConfig");

        var details = counters.Operations[Details];
        Assert.Equal(1, details.Throttled);
        Assert.InRange(details.ThrottlePoint, AdaptiveBucket.MinRateFactor, 6.5);
        Assert.Equal(limiter.CurrentRate(Account, Region, Details) / AdaptiveBucket.Beta, details.ThrottlePoint, 9);
        Assert.Equal(0, counters.Operations["BatchGetResourceConfig"].ThrottlePoint);
    }

    [Fact]
    public async Task Throttled_on_its_plateau_it_steps_below_it_and_throttled_just_above_it_keeps_it_and_holds_it_longer()
    {
        var limiter = Limiter();
        await ClimbToAsync(limiter, 4);
        limiter.Throttled(Account, Region, Details);
        var plateau = limiter.CurrentRate(Account, Region, Details) / AdaptiveBucket.Beta;

        // Back on the plateau, throttled again: a limit with a small burst throttles calls at its very rate.
        _clock.Advance(TimeSpan.FromSeconds(AdaptiveBucket.PlateauSeconds));
        await SendAsync(limiter, 8);
        Assert.InRange(limiter.CurrentRate(Account, Region, Details), plateau * 0.999, plateau * 1.01);
        limiter.Throttled(Account, Region, Details);
        var stepped = limiter.CurrentRate(Account, Region, Details) / AdaptiveBucket.Beta;
        Assert.InRange(stepped, plateau * AdaptiveBucket.PlateauBackOff * 0.99, plateau * AdaptiveBucket.PlateauBackOff * 1.001);

        // This time the plateau holds for a further PlateauSeconds before the probe starts.
        _clock.Advance(TimeSpan.FromSeconds(AdaptiveBucket.PlateauSeconds * 1.9));
        Succeed(limiter, 1);
        Assert.InRange(limiter.CurrentRate(Account, Region, Details), stepped * 0.999, stepped * 1.001);

        // Probing just above the plateau finds the limit there: the plateau stays.
        _clock.Advance(TimeSpan.FromSeconds(AdaptiveBucket.PlateauSeconds * 0.7));
        await SendAsync(limiter, 4);
        Assert.InRange(limiter.CurrentRate(Account, Region, Details), stepped * 1.06, stepped * 1.15);
        limiter.Throttled(Account, Region, Details);
        Assert.Equal(stepped * AdaptiveBucket.Beta, limiter.CurrentRate(Account, Region, Details), 6);
    }

    [Fact]
    public async Task Once_AWS_throttled_an_operation_its_new_account_regions_start_without_a_burst()
    {
        var limiter = Limiter(burst: 3);
        await limiter.WaitAsync("222222222222", Region, Details, CancellationToken.None);
        limiter.Throttled("222222222222", Region, Details);
        var rate = limiter.LearntRate(Details);

        await AssertNoBurstAsync(limiter, rate);

        // Another operation keeps the configured burst.
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(Account, Region, "DescribeConfigRules", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}
