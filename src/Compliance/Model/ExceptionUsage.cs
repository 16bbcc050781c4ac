namespace ComplianceReport.Compliance.Model;

/// <summary>What one exceptions entry did in a run.</summary>
/// <param name="Covered">Findings it accepted (0 for an expired entry).</param>
/// <param name="CountingAgain">Findings it would cover had it not expired: they count again.</param>
public sealed record ExceptionUsage(AcceptedRisk Entry, bool Expired, int Covered, int CountingAgain)
{
    public bool Unused => Covered == 0 && CountingAgain == 0;
}
