using System.Text.Json;

namespace ComplianceReport.Aws.Tests.Support;

public sealed record StubResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StubResponse Json(object body) => new(200, JsonSerializer.Serialize(body));

    public static StubResponse Raw(string body) => new(200, body);

    /// <summary>A JSON 1.1 error as AWS sends it: the code in <c>__type</c> with a namespace prefix.</summary>
    public static StubResponse Error(int status, string code, string message, string requestId = "req-err-1") =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = $"com.amazonaws.test#{code}", ["message"] = message }),
            Headers: new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId });
}
