namespace ComplianceReport.Grains.Options;

/// <summary>
/// What the grains need from the <c>Organization</c> and <c>Scan</c> sections. The AWS adapter
/// validates those sections at start; the silo binds this view of them.
/// </summary>
public sealed class RunOptions
{
    /// <summary><c>Organization:Regions</c>.</summary>
    public IReadOnlyList<string> Regions { get; set; } = [];

    /// <summary><c>Scan:MaxConcurrentAccounts</c>.</summary>
    public int MaxConcurrentAccounts { get; set; } = 64;

    /// <summary><c>Scan:ResultMaxAge</c>: a run reuses an account's scan younger than this.</summary>
    public TimeSpan ResultMaxAge { get; set; } = TimeSpan.FromHours(1);
}
