using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Exceptions;

/// <summary>A parsed exceptions file: its entries when valid, else every error found, in file order.</summary>
public sealed record ExceptionsFileParseResult(string File, IReadOnlyList<AcceptedRisk> Entries, IReadOnlyList<ExceptionsFileError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
