namespace ComplianceReport.Compliance.Exceptions;

/// <summary>
/// The exceptions file could not be read or is invalid: the run stops before scanning. The message
/// is the first error's one line (file, line, field); <see cref="Errors"/> holds them all.
/// </summary>
public sealed class InvalidExceptionsFileException : Exception
{
    public InvalidExceptionsFileException()
        : this([])
    {
    }

    public InvalidExceptionsFileException(string message)
        : base(message)
    {
        Errors = [];
    }

    public InvalidExceptionsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public InvalidExceptionsFileException(IReadOnlyList<ExceptionsFileError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ExceptionsFileError> Errors { get; }

    private static string Describe(IReadOnlyList<ExceptionsFileError> errors) => errors.Count switch
    {
        0 => "The exceptions file is invalid.",
        1 => $"Invalid exceptions file: {errors[0]}",
        _ => $"Invalid exceptions file: {errors[0]} (and {errors.Count - 1} more)",
    };
}
