using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace ComplianceReport.Simulator.Tests;

/// <summary>
/// A minimal SigV4-signing client written from the AWS documentation, independent of the
/// simulator's verifier, for the tests that need raw access (fault toggles, throughput).
/// </summary>
internal sealed class SignedClient(HttpClient http, Uri endpoint)
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    public async Task<(string KeyId, string Secret, string? Token)> AssumeRoleAsync((string KeyId, string Secret, string? Token) hub, string roleArn)
    {
        var form = $"Action=AssumeRole&Version=2011-06-15&RoleArn={Uri.EscapeDataString(roleArn)}&RoleSessionName=tests";
        using var response = await SendAsync(hub, "sts", "us-east-1", target: null, "application/x-www-form-urlencoded; charset=utf-8", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var credentials = XDocument.Parse(body).Descendants(Sts + "Credentials").Single();
        return (credentials.Element(Sts + "AccessKeyId")!.Value, credentials.Element(Sts + "SecretAccessKey")!.Value, credentials.Element(Sts + "SessionToken")!.Value);
    }

    /// <summary>Posts a Config JSON 1.1 operation and returns status and raw body.</summary>
    public async Task<(int Status, string Body)> ConfigAsync((string KeyId, string Secret, string? Token) credentials, string region, string operation, object input)
    {
        using var response = await SendAsync(credentials, "config", region, "StarlingDoveService." + operation, "application/x-amz-json-1.1", JsonSerializer.Serialize(input));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SendAsync(
        (string KeyId, string Secret, string? Token) credentials, string service, string region, string? target, string contentType, string body)
    {
        var now = DateTime.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payload = Encoding.UTF8.GetBytes(body);
        var host = $"{endpoint.Host}:{endpoint.Port}";

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = host,
            ["x-amz-date"] = amzDate,
        };
        if (target is not null)
        {
            headers["x-amz-target"] = target;
        }

        if (credentials.Token is not null)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = $"POST\n/\n\n{string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"))}\n{signedHeaders}\n{Hex(SHA256.HashData(payload))}";
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + credentials.Secret);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        if (credentials.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={credentials.KeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        return await http.SendAsync(request);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
