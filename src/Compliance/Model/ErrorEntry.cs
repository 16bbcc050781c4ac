namespace ComplianceReport.Compliance.Model;

/// <summary>One line of the Errors sheet: an account, or one region of it, that was not scanned.</summary>
/// <param name="Region">Null when the whole account failed.</param>
public sealed record ErrorEntry(
    string AccountId,
    string AccountName,
    string? Region,
    ScanError Error);
