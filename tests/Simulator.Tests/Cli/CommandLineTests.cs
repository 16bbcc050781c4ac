using System.Diagnostics;
using ComplianceReport.AwsSimulator;
using ComplianceReport.AwsSimulator.Cli;

namespace ComplianceReport.Simulator.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Every_flag_of_the_contract_is_read()
    {
        var options = CommandLine.Parse(
            [
                "--port", "8123", "--accounts", "250", "--regions", "us-east-1,eu-west-1,ap-southeast-2", "--seed", "42",
                "--latency-ms", "100", "--throttle-rps", "1.5", "--throttle-burst", "2", "--error-rate", "0.01",
                "--deny-accounts", "3", "--no-config-accounts", "4", "--suspended-accounts", "5",
                "--hub-key-id", "AKIAHUBKEY0000000042", "--hub-secret", "hub-secret-value", "--malformed-rate=0.02", "--repeat-token-rate", "0.03",
                "--spike-rate", "0.04", "--spike-ms=2500",
            ],
            out var error,
            out var help);

        Assert.Null(error);
        Assert.False(help);
        Assert.NotNull(options);
        Assert.Equal(
            (8123, 250, "us-east-1,eu-west-1,ap-southeast-2", 42, 100, 1.5, 2, 0.01, 3, 4, 5, "AKIAHUBKEY0000000042", "hub-secret-value", 0.02, 0.03, 0.04, 2500),
            (options.Port, options.Accounts, string.Join(',', options.Regions), options.Seed, options.LatencyMs, options.ThrottleRps, options.ThrottleBurst,
                options.ErrorRate, options.DenyAccounts, options.NoConfigAccounts, options.SuspendedAccounts, options.HubKeyId, options.HubSecret,
                options.MalformedResponseRate, options.RepeatedNextTokenRate, options.LatencySpikeRate, options.LatencySpikeMs));
    }

    [Theory]
    [InlineData("--port", "abc", "--port must be a whole number")]
    [InlineData("--port", "70000", "--port must be between")]
    [InlineData("--accounts", "0", "--accounts must be between")]
    [InlineData("--regions", "mars-1", "--regions must be")]
    [InlineData("--error-rate", "1.5", "--error-rate must be a fraction")]
    [InlineData("--throttle-burst", "0", "--throttle-burst must be at least 1")]
    [InlineData("--spike-rate", "-0.1", "--spike-rate must be a fraction")]
    [InlineData("--spike-ms", "0", "--spike-ms must be between")]
    [InlineData("--hub-key-id", "lowercase", "--hub-key-id must be")]
    [InlineData("--deny-accounts", "30", "--deny-accounts, --no-config-accounts and --suspended-accounts together")]
    [InlineData("--bogus", "1", "Unknown argument '--bogus'")]
    public void A_bad_argument_gets_one_sentence_naming_it(string flag, string value, string expected)
    {
        var options = CommandLine.Parse([flag, value], out var error, out _);

        Assert.Null(options);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void A_flag_without_value_is_named()
    {
        Assert.Null(CommandLine.Parse(["--seed"], out var error, out _));
        Assert.Equal("--seed needs a value.", error);
    }

    [Fact]
    public void Defaults_match_the_in_process_options()
    {
        var options = CommandLine.Parse([], out _, out _)!;
        var defaults = new SimulatorOptions();

        Assert.Equal((0, 20, 1, "us-east-1,eu-west-1"), (options.Port, options.Accounts, options.Seed, string.Join(',', options.Regions)));
        Assert.Equal((defaults.HubKeyId, defaults.HubSecret), (options.HubKeyId, options.HubSecret));
    }

    [Fact]
    public async Task The_program_exits_2_on_a_bad_argument_and_prints_usage_on_help()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--latency-ms", "slow");
        Assert.Equal(2, exitCode);
        Assert.Equal("--latency-ms must be a whole number, got 'slow'.", stderr.Trim());
        Assert.Empty(stdout);

        (exitCode, stdout, _) = await RunAsync("--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--no-config-accounts C", stdout, StringComparison.Ordinal);
        Assert.Contains(SimulatorOptions.DefaultHubSecret, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_prints_the_real_port_once_it_serves()
    {
        await using var simulator = await SimulatorProcess.StartAsync("--port", "0", "--accounts", "5");
        using var http = new HttpClient();

        // Unsigned STS call: the answer proves the port serves the query protocol.
        using var response = await http.PostAsync(simulator.Endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }));
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Matches("^[0-9]{12}$", simulator.ManagementAccountId);
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(SimulatorProcess.StartInfo(arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }
}
