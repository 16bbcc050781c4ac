using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;

namespace ComplianceReport.Client.Output;

/// <summary>One account's rescan as <c>rescan -o json</c> prints it.</summary>
/// <param name="CompliancePercent">In percent (0..100); null when nothing was evaluated.</param>
public sealed record RescanResult(string AccountId, AccountScanStatus Status, int NonCompliantResources, double? CompliancePercent, string? TraceId, string? Error)
{
    public static RescanResult Of(string accountId, AccountScanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var s = outcome.Summary;
        return new RescanResult(accountId, s.Status, s.NonCompliantResources, CliOutput.PercentNumber(s.CompliancePercent), outcome.TraceId, s.Error?.Message);
    }
}
