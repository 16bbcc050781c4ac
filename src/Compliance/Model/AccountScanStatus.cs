namespace ComplianceReport.Compliance.Model;

public enum AccountScanStatus
{
    /// <summary>Every configured region was read.</summary>
    Scanned,

    /// <summary>Some regions were read; others failed or have no Config recorder.</summary>
    Partial,

    /// <summary>No region could be read (the role was denied, or Config records nowhere).</summary>
    Failed,

    /// <summary>Not scanned by design (suspended account).</summary>
    Skipped,
}
