namespace ComplianceReport.Grains.Options;

/// <summary>
/// What the grains need from the <c>Organization</c> and <c>Scan</c> sections. The AWS adapter
/// binds and validates those sections; the silo copies this view from its options.
/// </summary>
public sealed class RunOptions
{
    /// <summary><c>Organization:Regions</c>.</summary>
    public IReadOnlyList<string> Regions { get; set; } = [];

    /// <summary><c>Scan:MaxConcurrentAccounts</c>.</summary>
    public int MaxConcurrentAccounts { get; set; }

    /// <summary><c>Scan:ResultMaxAge</c>: a run reuses an account's scan younger than this.</summary>
    public TimeSpan ResultMaxAge { get; set; }

    /// <summary><c>Organization:AccountTagsMaxAge</c>: a run reads again an account's tags cached for this long.</summary>
    public TimeSpan AccountTagsMaxAge { get; set; }
}
