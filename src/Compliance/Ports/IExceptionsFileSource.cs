namespace ComplianceReport.Compliance.Ports;

/// <summary>Reads the exceptions file's text from a local path or <c>s3://bucket/key</c> (fetch stage).</summary>
public interface IExceptionsFileSource
{
    /// <summary>
    /// Returns the file's text. A file that cannot be read (missing, denied) throws
    /// <see cref="Exceptions.InvalidExceptionsFileException"/> naming the location and the reason.
    /// </summary>
    Task<string> ReadAsync(string location, CancellationToken cancellationToken);
}
