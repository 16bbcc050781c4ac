using System.Text.RegularExpressions;

namespace ComplianceReport.AwsSimulator;

/// <summary>
/// The organization's AWS Config aggregator: it lives in one member account (the Audit account,
/// as Control Tower sets it up) in the first of <see cref="Regions"/>, and its faults.
/// </summary>
public sealed partial class SimulatorOptions
{
    public string AggregatorName { get; set; } = "organization-aggregator";

    /// <summary>Account-regions whose aggregator source reports FAILED (with an error code and message).</summary>
    public int AggregatorFailedSources { get; set; }

    /// <summary>Account-regions whose aggregator source reports OUTDATED (last update two weeks old).</summary>
    public int AggregatorOutdatedSources { get; set; }

    /// <summary>Member accounts the aggregator does not cover at all (no source, no data).</summary>
    public int AggregatorMissingAccounts { get; set; }

    /// <summary>How many simulated weeks the aggregator's data trails the accounts' own Config data.</summary>
    public int AggregatorLagWeeks { get; set; }

    /// <summary>One sentence naming the first bad aggregator option, or null.</summary>
    public string? ValidateAggregator()
    {
        if (!AggregatorNamePattern().IsMatch(AggregatorName))
        {
            return "--aggregator-name must be 1 to 256 letters, digits, '_' or '-'.";
        }

        if (AggregatorFailedSources < 0 || AggregatorOutdatedSources < 0 || AggregatorMissingAccounts < 0 || AggregatorLagWeeks < 0)
        {
            return "--aggregator-failed-sources, --aggregator-outdated-sources, --aggregator-missing-accounts and --aggregator-lag-weeks must not be negative.";
        }

        return (long)AggregatorMissingAccounts + AggregatorFailedSources + AggregatorOutdatedSources > Accounts
            ? "--aggregator-failed-sources, --aggregator-outdated-sources and --aggregator-missing-accounts together must not exceed --accounts."
            : null;
    }

    [GeneratedRegex("^[\\w\\-]{1,256}$")]
    private static partial Regex AggregatorNamePattern();
}
