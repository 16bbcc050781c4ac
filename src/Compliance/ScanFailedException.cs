using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance;

/// <summary>Raised by adapters when an account cannot be scanned; carries the precise reason.</summary>
public sealed class ScanFailedException : Exception
{
    public ScanFailedException(ScanError error, Exception? innerException = null)
        : base(error.Message, innerException)
    {
        Error = error;
    }

    public ScanError Error { get; }
}
