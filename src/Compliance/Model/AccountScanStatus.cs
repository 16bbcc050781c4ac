namespace ComplianceReport.Compliance.Model;

public enum AccountScanStatus
{
    /// <summary>Every configured region was read (regions without Config count as read).</summary>
    Scanned,

    /// <summary>Some regions were read, others failed.</summary>
    Partial,

    /// <summary>Nothing could be read (for example the role was denied).</summary>
    Failed,

    /// <summary>Not scanned by design (suspended account).</summary>
    Skipped,
}
