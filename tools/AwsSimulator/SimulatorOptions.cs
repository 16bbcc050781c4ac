using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceReport.AwsSimulator;

/// <summary>
/// Everything the simulator is started with; each property mirrors a command-line flag
/// (<c>--throttle-rps</c> is <see cref="ThrottleRps"/>). The defaults give a small, fault-free organization.
/// </summary>
public sealed partial class SimulatorOptions
{
    public const string DefaultHubKeyId = "AKIASIMHUB0000000001";
    public const string DefaultHubSecret = "simulatorHubSecretKey0000000000000000000";

    /// <summary>Loopback port; 0 picks a free one (read it back from <see cref="SimulatorApp.Endpoint"/>).</summary>
    public int Port { get; set; }

    /// <summary>Member accounts; the management account comes on top.</summary>
    public int Accounts { get; set; } = 20;

    public IReadOnlyList<string> Regions { get; set; } = ["us-east-1", "eu-west-1"];

    public int Seed { get; set; } = 1;

    /// <summary>Added to every call, with ±50% jitter.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Share of calls (0..1) that stall for <see cref="LatencySpikeMs"/> before answering, as a slow AWS endpoint does.</summary>
    public double LatencySpikeRate { get; set; }

    /// <summary>How long a stalled call waits before it answers (unless the client gives up first).</summary>
    public int LatencySpikeMs { get; set; } = 30_000;

    /// <summary>Token refill per second per account, region and operation; 0 disables throttling.</summary>
    public double ThrottleRps { get; set; }

    public int ThrottleBurst { get; set; } = 1;

    /// <summary>Share of calls (0..1) answered with a random 500 InternalFailure or 503 ServiceUnavailable.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Member accounts whose read role denies AssumeRole.</summary>
    public int DenyAccounts { get; set; }

    /// <summary>Member accounts with one region that has no Config recorder.</summary>
    public int NoConfigAccounts { get; set; }

    public int SuspendedAccounts { get; set; }

    /// <summary>Resource owner teams that fix all their findings in each advanced week, 0 to 8 (0: findings only come and go at random).</summary>
    public int FixingTeamsPerWeek { get; set; }

    public string HubKeyId { get; set; } = DefaultHubKeyId;

    public string HubSecret { get; set; } = DefaultHubSecret;

    /// <summary>Share of successful JSON responses cut short (invalid JSON), for client robustness tests. Off by default.</summary>
    public double MalformedResponseRate { get; set; }

    /// <summary>Share of paginated responses that hand back the request's NextToken again (a page repeats). Off by default.</summary>
    public double RepeatedNextTokenRate { get; set; }

    /// <summary>Returns one sentence naming the first bad option, or null when all are valid.</summary>
    public string? Validate()
    {
        if (Port is < 0 or > 65535)
        {
            return "--port must be between 0 and 65535.";
        }

        if (Accounts is < 1 or > 100_000)
        {
            return "--accounts must be between 1 and 100000.";
        }

        if (Regions.Count == 0 || Regions.Any(r => !RegionPattern().IsMatch(r)) || Regions.Distinct(StringComparer.Ordinal).Count() != Regions.Count)
        {
            return "--regions must be a comma-separated list of distinct region names such as us-east-1,eu-west-1.";
        }

        if (LatencyMs is < 0 or > 60_000)
        {
            return "--latency-ms must be between 0 and 60000.";
        }

        if (!IsRate(LatencySpikeRate))
        {
            return "--spike-rate must be a fraction between 0 and 1, e.g. 0.01.";
        }

        if (LatencySpikeMs is < 1 or > 600_000)
        {
            return "--spike-ms must be between 1 and 600000.";
        }

        if (ThrottleRps < 0 || double.IsNaN(ThrottleRps) || double.IsInfinity(ThrottleRps))
        {
            return "--throttle-rps must be a number of requests per second, 0 or more (0 turns throttling off).";
        }

        if (ThrottleBurst < 1)
        {
            return "--throttle-burst must be at least 1.";
        }

        if (!IsRate(ErrorRate))
        {
            return "--error-rate must be a fraction between 0 and 1, e.g. 0.01.";
        }

        if (!IsRate(MalformedResponseRate))
        {
            return "--malformed-rate must be a fraction between 0 and 1.";
        }

        if (!IsRate(RepeatedNextTokenRate))
        {
            return "--repeat-token-rate must be a fraction between 0 and 1.";
        }

        if (DenyAccounts < 0 || NoConfigAccounts < 0 || SuspendedAccounts < 0)
        {
            return "--deny-accounts, --no-config-accounts and --suspended-accounts must not be negative.";
        }

        if (FixingTeamsPerWeek is < 0 or > 8)
        {
            return "--fixing-teams must be between 0 and 8 (the simulator's resource owner teams).";
        }

        if ((long)DenyAccounts + NoConfigAccounts + SuspendedAccounts > Accounts)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"--deny-accounts, --no-config-accounts and --suspended-accounts together ({DenyAccounts + NoConfigAccounts + SuspendedAccounts}) must not exceed --accounts ({Accounts}).");
        }

        if (!KeyIdPattern().IsMatch(HubKeyId))
        {
            return "--hub-key-id must be 16 to 128 upper-case letters and digits, like AKIASIMHUB0000000001.";
        }

        if (string.IsNullOrWhiteSpace(HubSecret) || HubSecret.Length < 8)
        {
            return "--hub-secret must be at least 8 characters.";
        }

        return ValidateTags() ?? ValidateAggregator();
    }

    private static bool IsRate(double value) => value is >= 0 and <= 1;

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Z0-9]{16,128}$")]
    private static partial Regex KeyIdPattern();
}
