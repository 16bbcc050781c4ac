using System.Globalization;

namespace ComplianceReport.ScanBench;

/// <summary>The command line: organization size, AWS-like conditions, and what to run.</summary>
public sealed class BenchArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/ScanBench -- --accounts N [--regions 2] [--latency-ms 100]
               [--throttle-rps 1] [--throttle-burst 2] [--max-concurrent 1000] [--seed 1] [--skip-baseline]
               [--source assumerole|aggregator|both] [--weeks 1]
        """;

    public int Accounts { get; private set; } = 200;

    public int Regions { get; private set; } = 2;

    public int LatencyMs { get; private set; } = 100;

    public double ThrottleRps { get; private set; } = 1;

    public int ThrottleBurst { get; private set; } = 2;

    /// <summary><c>Scan:MaxConcurrentAccounts</c> given to the silo; the product default unless told otherwise.</summary>
    public int MaxConcurrentAccounts { get; private set; } = 1000;

    public int Seed { get; private set; } = 1;

    public bool SkipBaseline { get; private set; }

    /// <summary>
    /// Scheduled weeks run in one silo, the last one measured: with 2, the measured run starts from
    /// what the week before left (the account tags cache), as every run after the first does.
    /// </summary>
    public int Weeks { get; private set; } = 1;

    /// <summary>Where Config data comes from: <c>assumerole</c>, <c>aggregator</c>, or <c>both</c> (one run each, side by side).</summary>
    public string Source { get; private set; } = "assumerole";

    public IReadOnlyList<string> Sources => Source == "both" ? ["assumerole", "aggregator"] : [Source];

    public static BenchArguments? Parse(string[] args, out string? error)
    {
        var result = new BenchArguments();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag == "--skip-baseline")
            {
                result.SkipBaseline = true;
                continue;
            }

            if (flag == "--source")
            {
                if (i + 1 >= args.Length || args[i + 1] is not ("assumerole" or "aggregator" or "both"))
                {
                    error = "--source needs assumerole, aggregator or both.";
                    return null;
                }

                result.Source = args[++i];
                continue;
            }

            if (i + 1 >= args.Length || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                error = $"{flag} needs a non-negative number.";
                return null;
            }

            i++;
            switch (flag)
            {
                case "--accounts": result.Accounts = (int)value; break;
                case "--regions": result.Regions = (int)value; break;
                case "--latency-ms": result.LatencyMs = (int)value; break;
                case "--throttle-rps": result.ThrottleRps = value; break;
                case "--throttle-burst": result.ThrottleBurst = (int)value; break;
                case "--max-concurrent": result.MaxConcurrentAccounts = (int)value; break;
                case "--seed": result.Seed = (int)value; break;
                case "--weeks": result.Weeks = (int)value; break;
                default:
                    error = $"unknown flag {flag}.";
                    return null;
            }
        }

        if (result.Accounts < 1 || result.Regions is < 1 or > 4 || result.Weeks is < 1 or > 8)
        {
            error = "--accounts must be at least 1, --regions between 1 and 4 and --weeks between 1 and 8.";
            return null;
        }

        return result;
    }

    /// <summary>The first <see cref="Regions"/> of a fixed list (the simulator's defaults first).</summary>
    public IReadOnlyList<string> RegionNames() => new[] { "us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2" }.Take(Regions).ToList();
}
