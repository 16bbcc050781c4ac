namespace ComplianceReport.Grains;

public static class GrainStorageNames
{
    /// <summary>The grain storage provider that holds account scans and run records.</summary>
    public const string Compliance = "compliance";
}
