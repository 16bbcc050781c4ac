using System.Globalization;

namespace ComplianceReport.Silo.Demo;

/// <summary><c>demo [--accounts N] [--out DIR] [--once] [--seed S] [--source assumerole|aggregator]</c>.</summary>
/// <param name="Aggregator">Read compliance from the simulated organization's Config aggregator instead of a role in every account.</param>
public sealed record DemoArguments(int Accounts, string OutputDirectory, bool Once, int Seed, bool Aggregator = false)
{
    public const string Usage = "usage: dotnet run --project src/Silo -- demo [--accounts N] [--out DIR] [--once] [--seed S] [--source assumerole|aggregator]";

    /// <summary>Parses the arguments; returns null and an error sentence when they are wrong.</summary>
    public static DemoArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var accounts = 50;
        var output = "out";
        var once = false;
        var seed = 1;
        var aggregator = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--once":
                    once = true;
                    break;
                case "--accounts" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out accounts) || accounts is < 1 or > 100_000)
                    {
                        error = $"--accounts must be a whole number from 1 to 100000, not '{args[i]}'.";
                        return null;
                    }

                    break;
                case "--seed" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                    {
                        error = $"--seed must be a whole number, not '{args[i]}'.";
                        return null;
                    }

                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    if (string.IsNullOrWhiteSpace(output))
                    {
                        error = "--out must name a directory.";
                        return null;
                    }

                    break;
                case "--source" when i + 1 < args.Count:
                    switch (args[++i].ToLowerInvariant())
                    {
                        case "assumerole":
                            aggregator = false;
                            break;
                        case "aggregator":
                            aggregator = true;
                            break;
                        default:
                            error = $"--source must be assumerole or aggregator, not '{args[i]}'.";
                            return null;
                    }

                    break;
                case "--accounts" or "--seed" or "--out" or "--source":
                    error = $"{args[i]} needs a value.";
                    return null;
                default:
                    error = $"Unknown demo argument '{args[i]}'.";
                    return null;
            }
        }

        return new DemoArguments(accounts, output, once, seed, aggregator);
    }
}
