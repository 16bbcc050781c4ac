using ComplianceReport.AwsSimulator.Faults;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>The optional "NextToken handed back again" fault, shared by the paginated operations.</summary>
internal sealed class PagingFaults(double repeatedTokenRate, FaultDice dice)
{
    public string? Next(string? requestToken, string? nextToken) =>
        requestToken is not null && nextToken is not null && dice.Roll(repeatedTokenRate) ? requestToken : nextToken;
}
