namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// An AWS error answer. <see cref="Reason"/> is the Organizations InvalidInputException reason field.
/// Handlers throw it; the dispatcher writes it in the caller's protocol.
/// </summary>
internal sealed class AwsServiceException : Exception
{
    public AwsServiceException(int statusCode, string code, string message, string? reason = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Reason = reason;
    }

    public AwsServiceException()
        : this(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.")
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Code = "SerializationException";
    }

    public int StatusCode { get; }

    public string Code { get; }

    public string? Reason { get; }

    public static AwsServiceException BadRequest(string code, string message, string? reason = null) => new(400, code, message, reason);
}
