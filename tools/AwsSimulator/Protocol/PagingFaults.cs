using ComplianceReport.AwsSimulator.Faults;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// The optional "NextToken handed back again" fault, shared by the paginated operations: the
/// answer carries the request's own token (also on the last page), so a client that does not
/// guard against repeated tokens reads pages twice or loops.
/// </summary>
internal sealed class PagingFaults(double repeatedTokenRate, FaultDice dice)
{
    public string? Next(string? requestToken, string? nextToken) =>
        requestToken is not null && dice.Roll(repeatedTokenRate) ? requestToken : nextToken;
}
