namespace ComplianceReport.Compliance.Model;

/// <summary>What one exceptions entry did in a run.</summary>
/// <param name="Covered">Findings it accepted (0 for an expired entry).</param>
/// <param name="CountingAgain">Findings it would cover had it not expired: they count again.</param>
/// <param name="ExpiresSoon">Still active, and expires within <c>Report:ExceptionsWarnDays</c>.</param>
public sealed record ExceptionUsage(AcceptedRisk Entry, bool Expired, int Covered, int CountingAgain, bool ExpiresSoon = false)
{
    public bool Unused => Covered == 0 && CountingAgain == 0;
}
