namespace ComplianceReport.Compliance.Model;

/// <summary>A precise, human-readable reason why something was not scanned.</summary>
/// <param name="Code">The AWS error code when AWS gave one, for example <c>AccessDenied</c>.</param>
public sealed record ScanError(ScanErrorKind Kind, string Message, string? Code = null);
