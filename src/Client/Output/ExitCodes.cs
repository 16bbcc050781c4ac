namespace ComplianceReport.Client.Output;

/// <summary>The README's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;
}
