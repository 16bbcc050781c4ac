using System.Globalization;

namespace ComplianceReport.Compliance.Exceptions;

/// <summary>One problem in an exceptions file, at a line (1-based) and field such as <c>exceptions[2].expires</c>.</summary>
public sealed record ExceptionsFileError(string File, int Line, string Field, string Message)
{
    /// <summary>The one line an operator reads: <c>file:line: field: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Field}: {Message}");
}
