using System.Globalization;

namespace ComplianceReport.AwsSimulator.Cli;

/// <summary>Parses the simulator's flags into <see cref="SimulatorOptions"/>; errors are one sentence naming the flag.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: AwsSimulator [options]
          Serves AWS STS, Organizations and Config on http://127.0.0.1:PORT with a generated organization.

          --port P                  loopback port; 0 picks a free one (default 0)
          --accounts N              member accounts (default 20; the management account comes on top)
          --regions R1,R2           regions with Config data (default us-east-1,eu-west-1)
          --seed S                  seed of the generated organization (default 1)
          --latency-ms L            latency added to every call, with +-50% jitter (default 0)
          --spike-rate S            share of calls that stall for --spike-ms before answering, 0..1 (default 0)
          --spike-ms D              how long a stalled call waits (default 30000)
          --throttle-rps R          token refill per second per account, region and operation; 0 = off (default 0)
          --throttle-burst B        token bucket size (default 1)
          --error-rate E            share of calls answered 500/503, 0..1 (default 0)
          --deny-accounts D         accounts whose read role denies AssumeRole (default 0)
          --no-config-accounts C    accounts with a region without a Config recorder (default 0)
          --suspended-accounts U    SUSPENDED accounts (default 0)
          --fixing-teams F          resource owner teams that fix all their findings in each advanced week, 0..8 (default 0)
          --account-tag-share T     share of accounts tagged Owner or Team in Organizations, 0..1 (default 0.8)
          --tag-denied-share D      share of accounts whose ListTagsForResource is denied, 0..1 (default 0.05)
          --hub-key-id K            access key id of the hub identity (default AKIASIMHUB0000000001)
          --hub-secret X            secret access key of the hub identity (default simulatorHubSecretKey0000000000000000000)
          --malformed-rate M        share of JSON answers cut short, 0..1 (default 0)
          --repeat-token-rate T     share of paginated answers repeating the request's NextToken, 0..1 (default 0)
          --aggregator-name A       name of the organization's Config aggregator (default organization-aggregator)
          --aggregator-failed-sources F    account-regions whose aggregator source is FAILED (default 0)
          --aggregator-outdated-sources O  account-regions whose aggregator source is OUTDATED (default 0)
          --aggregator-missing-accounts M  accounts the aggregator does not cover (default 0)
          --aggregator-lag-weeks W  weeks the aggregator's data trails the accounts' own (default 0)
          --help                    show this text

        Control: POST /_sim/advance-week (resolve some findings, open new ones),
                 POST /_sim/advance-clock?seconds=N (expire sessions),
                 GET /_sim/counters (requests, throttled, injected errors, per operation).
        """;

    /// <summary>Returns the options, or null with <paramref name="error"/> set; <paramref name="help"/> when --help was asked.</summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args, out string? error, out bool help)
    {
        var options = new SimulatorOptions();
        error = null;
        help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string? value = null;
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            if (flag.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = flag[(equals + 1)..];
                flag = flag[..equals];
            }

            if (flag is "--help" or "-h")
            {
                help = true;
                return null;
            }

            if (!IsKnown(flag))
            {
                error = $"Unknown argument '{args[i]}'; run with --help to see the options.";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    error = $"{flag} needs a value.";
                    return null;
                }

                value = args[++i];
            }

            error = Apply(options, flag, value);
            if (error is not null)
            {
                return null;
            }
        }

        error = options.Validate();
        return error is null ? options : null;
    }

    private static bool IsKnown(string flag) => flag is "--port" or "--accounts" or "--regions" or "--seed" or "--latency-ms"
        or "--spike-rate" or "--spike-ms"
        or "--throttle-rps" or "--throttle-burst" or "--error-rate" or "--deny-accounts" or "--no-config-accounts" or "--fixing-teams"
        or "--suspended-accounts" or "--account-tag-share" or "--tag-denied-share" or "--hub-key-id" or "--hub-secret" or "--malformed-rate" or "--repeat-token-rate"
        or "--aggregator-name" or "--aggregator-failed-sources" or "--aggregator-outdated-sources" or "--aggregator-missing-accounts"
        or "--aggregator-lag-weeks";

    private static string? Apply(SimulatorOptions options, string flag, string value)
    {
        switch (flag)
        {
            case "--regions":
                options.Regions = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return null;
            case "--hub-key-id":
                options.HubKeyId = value;
                return null;
            case "--hub-secret":
                options.HubSecret = value;
                return null;
            case "--aggregator-name":
                options.AggregatorName = value;
                return null;
            case "--throttle-rps":
            case "--error-rate":
            case "--malformed-rate":
            case "--repeat-token-rate":
            case "--spike-rate":
            case "--account-tag-share":
            case "--tag-denied-share":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return $"{flag} must be a number, got '{value}'.";
                }

                switch (flag)
                {
                    case "--throttle-rps":
                        options.ThrottleRps = number;
                        break;
                    case "--error-rate":
                        options.ErrorRate = number;
                        break;
                    case "--malformed-rate":
                        options.MalformedResponseRate = number;
                        break;
                    case "--spike-rate":
                        options.LatencySpikeRate = number;
                        break;
                    case "--account-tag-share":
                        options.AccountTagShare = number;
                        break;
                    case "--tag-denied-share":
                        options.TagDeniedShare = number;
                        break;
                    default:
                        options.RepeatedNextTokenRate = number;
                        break;
                }

                return null;
            default:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return $"{flag} must be a whole number, got '{value}'.";
                }

                switch (flag)
                {
                    case "--port":
                        options.Port = whole;
                        break;
                    case "--accounts":
                        options.Accounts = whole;
                        break;
                    case "--seed":
                        options.Seed = whole;
                        break;
                    case "--latency-ms":
                        options.LatencyMs = whole;
                        break;
                    case "--spike-ms":
                        options.LatencySpikeMs = whole;
                        break;
                    case "--throttle-burst":
                        options.ThrottleBurst = whole;
                        break;
                    case "--deny-accounts":
                        options.DenyAccounts = whole;
                        break;
                    case "--fixing-teams":
                        options.FixingTeamsPerWeek = whole;
                        break;
                    case "--no-config-accounts":
                        options.NoConfigAccounts = whole;
                        break;
                    case "--aggregator-failed-sources":
                        options.AggregatorFailedSources = whole;
                        break;
                    case "--aggregator-outdated-sources":
                        options.AggregatorOutdatedSources = whole;
                        break;
                    case "--aggregator-missing-accounts":
                        options.AggregatorMissingAccounts = whole;
                        break;
                    case "--aggregator-lag-weeks":
                        options.AggregatorLagWeeks = whole;
                        break;
                    default:
                        options.SuspendedAccounts = whole;
                        break;
                }

                return null;
        }
    }
}
