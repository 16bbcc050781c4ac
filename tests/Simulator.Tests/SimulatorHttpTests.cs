using System.Text.Json;
using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Simulator.Tests;

/// <summary>The in-process host, control endpoints, counters and the optional reliability toggles.</summary>
public sealed class SimulatorHttpTests
{
    [Fact]
    public async Task Advance_week_over_http_moves_the_data_to_the_next_week()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3 });
        using var http = new HttpClient { BaseAddress = simulator.Endpoint };
        var account = simulator.Organization.Accounts[1].Id;
        var before = simulator.GetRegion(account, "us-east-1").NonCompliant.Select(f => f.RuleName + f.ResourceId).ToHashSet();

        using var response = await http.PostAsync("_sim/advance-week", content: null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(1, body.RootElement.GetProperty("week").GetInt32());
        Assert.Equal(1, simulator.Week);
        Assert.NotEqual(before, simulator.GetRegion(account, "us-east-1").NonCompliant.Select(f => f.RuleName + f.ResourceId).ToHashSet());
        using var get = await http.GetAsync("_sim/advance-week");
        Assert.Equal(405, (int)get.StatusCode);
    }

    [Fact]
    public async Task Counters_count_requests_per_operation()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3 });
        using var http = new HttpClient();
        var client = new SignedClient(http, simulator.Endpoint);
        var read = await client.AssumeRoleAsync(Hub(simulator), SimulatorApp.ReadRoleArn(simulator.Organization.Accounts[2].Id));

        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await client.ConfigAsync(read, "us-east-1", "DescribeConfigRules", new { });
            Assert.Equal(200, status);
        }

        Assert.Equal(4, simulator.Counters.TotalRequests);
        Assert.Equal(3, simulator.Counters.RequestsByOperation["DescribeConfigRules"]);
        Assert.Equal(1, simulator.Counters.RequestsByOperation["AssumeRole"]);
        Assert.Equal(0, simulator.Counters.ThrottledResponses);
        Assert.Equal(0, simulator.Counters.ErrorsInjected);
    }

    [Fact]
    public async Task Repeated_next_token_toggle_hands_back_the_request_token()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3, RepeatedNextTokenRate = 1 });
        using var http = new HttpClient();
        var client = new SignedClient(http, simulator.Endpoint);
        var read = await client.AssumeRoleAsync(Hub(simulator), SimulatorApp.ReadRoleArn(simulator.Organization.Accounts[1].Id));

        var (_, first) = await client.ConfigAsync(read, "us-east-1", "DescribeConfigRules", new { });
        var token = JsonDocument.Parse(first).RootElement.GetProperty("NextToken").GetString();
        var (_, second) = await client.ConfigAsync(read, "us-east-1", "DescribeConfigRules", new { NextToken = token });

        Assert.Equal(token, JsonDocument.Parse(second).RootElement.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task Malformed_response_toggle_cuts_json_answers_short()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3, MalformedResponseRate = 1 });
        using var http = new HttpClient();
        var client = new SignedClient(http, simulator.Endpoint);
        var read = await client.AssumeRoleAsync(Hub(simulator), SimulatorApp.ReadRoleArn(simulator.Organization.Accounts[1].Id));

        var (status, body) = await client.ConfigAsync(read, "us-east-1", "DescribeConfigRules", new { });

        Assert.Equal(200, status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(1, simulator.Counters.MalformedResponsesInjected);
    }

    [Fact]
    public async Task Latency_spike_toggle_stalls_calls_for_the_spike_duration()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 3, LatencySpikeRate = 1, LatencySpikeMs = 1200 });
        using var http = new HttpClient();
        var client = new SignedClient(http, simulator.Endpoint);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        await client.AssumeRoleAsync(Hub(simulator), SimulatorApp.ReadRoleArn(simulator.Organization.Accounts[1].Id));

        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(1150), "the call was not stalled");
        Assert.Equal(1, simulator.Counters.LatencySpikesInjected);
    }

    [Fact]
    public async Task Invalid_options_are_rejected_with_the_flag_named()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorApp.StartAsync(new SimulatorOptions { ErrorRate = 2 }));

        Assert.StartsWith("--error-rate", error.Message, StringComparison.Ordinal);
    }

    private static (string, string, string?) Hub(SimulatorApp simulator) => (simulator.Options.HubKeyId, simulator.Options.HubSecret, null);
}
