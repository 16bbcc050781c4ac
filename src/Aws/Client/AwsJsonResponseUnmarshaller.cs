using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace ComplianceReport.Aws.Client;

/// <summary>Reads a JSON 1.1 body into <typeparamref name="T"/>, and error bodies into <see cref="AwsServiceException"/>.</summary>
internal sealed class AwsJsonResponseUnmarshaller<T> : JsonResponseUnmarshaller
{
    public static AwsJsonResponseUnmarshaller<T> Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
    {
        var body = ReadBody(input.Stream);
        var requestId = RequestIdOf(input.ResponseData);
        var metadata = new ResponseMetadata { RequestId = requestId };
        if (body.Length == 0)
        {
            return new AwsJsonResponse<T> { MalformedReason = "empty body", ResponseMetadata = metadata };
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, AwsJson.Options);
            return value is null
                ? new AwsJsonResponse<T> { MalformedReason = "the body is JSON null", ResponseMetadata = metadata }
                : new AwsJsonResponse<T> { Value = value, ResponseMetadata = metadata };
        }
        catch (JsonException ex)
        {
            return new AwsJsonResponse<T> { MalformedReason = ex.Message, ResponseMetadata = metadata };
        }
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        var body = ReadBody(input.Stream);
        var requestId = RequestIdOf(input.ResponseData);
        var code = HeaderCode(input.ResponseData);
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.NameEquals("code"))
                    {
                        code ??= StripCode(property.Value.GetString());
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // An error page that is not JSON (a proxy's HTML, a truncated body): the status alone decides.
        }

        var errorType = (int)statusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        message ??= code is null ? $"HTTP {(int)statusCode} with no readable AWS error" : code;
        return new AwsServiceException(message, errorType, code, requestId, statusCode, innerException);
    }

    private static string? StripCode(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        // "com.amazonaws.config#NoSuchConfigRuleException" or "Code:http://internal.amazon.com/...".
        var hash = raw.LastIndexOf('#');
        var code = hash >= 0 ? raw[(hash + 1)..] : raw;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }

    private static string? HeaderCode(IWebResponseData response) =>
        response.IsHeaderPresent("x-amzn-ErrorType") ? StripCode(response.GetHeaderValue("x-amzn-ErrorType")) : null;

    private static string? RequestIdOf(IWebResponseData response) =>
        response.IsHeaderPresent("x-amzn-RequestId") ? response.GetHeaderValue("x-amzn-RequestId") : null;

    private static byte[] ReadBody(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
