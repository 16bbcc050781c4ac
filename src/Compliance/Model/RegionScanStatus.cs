namespace ComplianceReport.Compliance.Model;

public enum RegionScanStatus
{
    /// <summary>Rules and non-compliant resources were read completely.</summary>
    Scanned,

    /// <summary>The region has no running Config recorder: reported, not an error.</summary>
    ConfigNotEnabled,

    /// <summary>The region could not be read; <see cref="RegionSnapshot.Error"/> says why.</summary>
    Failed,
}
