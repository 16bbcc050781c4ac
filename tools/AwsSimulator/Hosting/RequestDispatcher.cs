using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplianceReport.AwsSimulator.Auth;
using ComplianceReport.AwsSimulator.Faults;
using ComplianceReport.AwsSimulator.Generation;
using ComplianceReport.AwsSimulator.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.AwsSimulator.Hosting;

/// <summary>
/// The single request handler: picks the protocol (X-Amz-Target means JSON 1.1, otherwise the STS
/// query protocol), verifies the signature, applies the configured faults, then dispatches.
/// </summary>
internal sealed partial class RequestDispatcher(
    SimulatorOptions options,
    ComplianceWorld world,
    CredentialStore credentials,
    SimulatorClock clock,
    SimulatorCounters counters,
    FaultDice dice,
    Throttler throttler,
    StsHandler sts,
    OrganizationsHandler organizations,
    ConfigHandler config,
    AggregatorHandler aggregator,
    ILogger<RequestDispatcher> logger)
{
    private const string JsonContentType = "application/x-amz-json-1.1";
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_sim", StringComparison.Ordinal))
        {
            await HandleControlAsync(context);
            return;
        }

        counters.Request();
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            await HandleJsonAsync(context, target, body, requestId);
        }
        else
        {
            await HandleQueryAsync(context, body, requestId);
        }
    }

    private async Task HandleJsonAsync(HttpContext context, string target, byte[] body, string requestId)
    {
        var isOrganizations = target.StartsWith(OrganizationsHandler.TargetPrefix, StringComparison.Ordinal);
        var isConfig = target.StartsWith(ConfigHandler.TargetPrefix, StringComparison.Ordinal);
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        if (!(isOrganizations && OrganizationsHandler.Operations.Contains(operation)) && !(isConfig && (ConfigHandler.Operations.Contains(operation) || AggregatorHandler.Operations.Contains(operation))))
        {
            counters.Operation("Unknown");
            await WriteJsonErrorAsync(context, AwsServiceException.BadRequest("UnknownOperationException", $"The operation {target} is not supported by this simulator."), isOrganizations);
            return;
        }

        counters.Operation(operation);
        try
        {
            var (caller, region) = Authenticate(context, body, json: true, isOrganizations ? "organizations" : "config");
            await DelayAsync(context.RequestAborted);
            if (!throttler.TryAcquire(caller.AccountId, region, operation))
            {
                counters.Throttled();
                throw isOrganizations
                    ? AwsServiceException.BadRequest("TooManyRequestsException", "AWS Organizations can't complete your request because the request rate is too high. Try again later.")
                    : AwsServiceException.BadRequest("ThrottlingException", "Rate exceeded");
            }

            InjectError();
            using var input = ParseJson(body);
            var output = new ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(output))
            {
                if (isOrganizations)
                {
                    organizations.Handle(operation, caller, input.RootElement, writer);
                }
                else if (AggregatorHandler.Operations.Contains(operation))
                {
                    aggregator.Handle(operation, caller, region, input.RootElement, writer);
                }
                else
                {
                    config.Handle(operation, caller, region, input.RootElement, writer);
                }
            }

            var bytes = output.WrittenMemory;
            if (dice.Roll(options.MalformedResponseRate))
            {
                counters.MalformedInjected();
                bytes = bytes[..(bytes.Length / 2)];
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = JsonContentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (AwsServiceException error)
        {
            await WriteJsonErrorAsync(context, error, isOrganizations);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnhandled(logger, operation, ex);
            await WriteJsonErrorAsync(context, new AwsServiceException(), isOrganizations);
        }
    }

    private async Task HandleQueryAsync(HttpContext context, byte[] body, string requestId)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in QueryHelpers.ParseQuery(context.Request.QueryString.Value))
        {
            parameters[key] = value.ToString();
        }

        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                parameters[key] = value.ToString();
            }
        }

        var operation = parameters.GetValueOrDefault("Action") ?? string.Empty;
        try
        {
            if (!StsHandler.Operations.Contains(operation))
            {
                counters.Operation("Unknown");
                throw AwsServiceException.BadRequest("InvalidAction", $"Could not find operation {operation} for version {parameters.GetValueOrDefault("Version")}");
            }

            counters.Operation(operation);
            var (caller, _) = Authenticate(context, body, json: false, "sts");
            await DelayAsync(context.RequestAborted);
            InjectError();
            var xml = sts.Handle(operation, caller, parameters, requestId);
            await WriteXmlAsync(context, 200, xml);
        }
        catch (AwsServiceException error)
        {
            await WriteXmlAsync(context, error.StatusCode, StsHandler.ErrorXml(error, requestId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnhandled(logger, operation, ex);
            await WriteXmlAsync(context, 500, StsHandler.ErrorXml(new AwsServiceException(), requestId));
        }
    }

    /// <summary>Signature, session token and expiry checks, with each protocol's own error codes.</summary>
    private (Caller Caller, string Region) Authenticate(HttpContext context, byte[] body, bool json, string service)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path + context.Request.QueryString).ToString();
        var result = SigV4Verifier.Verify(context.Request.Method, rawTarget, context.Request.Headers, body, credentials.Find);
        switch (result.Check)
        {
            case SignatureCheck.MissingAuthentication:
                throw json
                    ? AwsServiceException.BadRequest("MissingAuthenticationTokenException", result.Detail)
                    : new AwsServiceException(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
            case SignatureCheck.Malformed:
                throw AwsServiceException.BadRequest(json ? "IncompleteSignatureException" : "IncompleteSignature", result.Detail);
            case SignatureCheck.UnknownKey:
                throw InvalidToken(json);
            case SignatureCheck.Mismatch:
                throw SignatureMismatch(json, result.Detail);
            default:
                break;
        }

        var credential = result.Credential!;
        var token = context.Request.Headers["X-Amz-Security-Token"].ToString();
        if (!string.Equals(token, credential.SessionToken ?? string.Empty, StringComparison.Ordinal))
        {
            throw InvalidToken(json);
        }

        if (result.Service != service)
        {
            throw SignatureMismatch(json, $"Credential should be scoped to correct service: '{service}'.");
        }

        if (credential.Expiration is { } expiration && expiration <= clock.UtcNow)
        {
            throw json
                ? AwsServiceException.BadRequest("ExpiredTokenException", "The security token included in the request is expired")
                : AwsServiceException.BadRequest("ExpiredToken", "The security token included in the request is expired");
        }

        return (credential.Caller, result.Region);
    }

    private static AwsServiceException InvalidToken(bool json) => json
        ? AwsServiceException.BadRequest("UnrecognizedClientException", "The security token included in the request is invalid.")
        : new AwsServiceException(403, "InvalidClientTokenId", "The security token included in the request is invalid.");

    // STS answers a bad signature with SignatureDoesNotMatch; the JSON services with InvalidSignatureException.
    private static AwsServiceException SignatureMismatch(bool json, string detail) => json
        ? AwsServiceException.BadRequest("InvalidSignatureException", detail)
        : new AwsServiceException(403, "SignatureDoesNotMatch", detail);

    private async Task DelayAsync(CancellationToken cancellationToken)
    {
        var latency = dice.Latency(options.LatencyMs);
        if (dice.Roll(options.LatencySpikeRate))
        {
            counters.SpikeInjected();
            latency = TimeSpan.FromMilliseconds(options.LatencySpikeMs);
        }

        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }
    }

    private void InjectError()
    {
        if (!dice.Roll(options.ErrorRate))
        {
            return;
        }

        counters.ErrorInjected();
        throw dice.Roll(0.5)
            ? new AwsServiceException(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.")
            : new AwsServiceException(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
    }

    private static JsonDocument ParseJson(byte[] body)
    {
        if (body.Length == 0)
        {
            return JsonDocument.Parse("{}");
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw AwsServiceException.BadRequest("SerializationException", "Start of structure or map found where not expected.");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new AwsServiceException("The request body is not valid JSON.", ex);
        }
    }

    private async Task HandleControlAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path == "/_sim/counters" && HttpMethods.IsGet(context.Request.Method))
        {
            // Read by the benchmark when the simulator runs as its own process.
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                totalRequests = counters.TotalRequests,
                throttledResponses = counters.ThrottledResponses,
                errorsInjected = counters.ErrorsInjected,
                malformedResponsesInjected = counters.MalformedResponsesInjected,
                latencySpikesInjected = counters.LatencySpikesInjected,
                requestsByOperation = counters.RequestsByOperation,
            }));
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = 405;
            return;
        }

        string answer;
        switch (path)
        {
            case "/_sim/advance-week":
                answer = string.Create(CultureInfo.InvariantCulture, $"{{\"week\":{world.AdvanceWeek()}}}");
                break;
            case "/_sim/advance-clock":
                if (!double.TryParse(context.Request.Query["seconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
                {
                    context.Response.StatusCode = 400;
                    await context.Response.WriteAsync("advance-clock needs ?seconds=N with N >= 0.");
                    return;
                }

                clock.Advance(TimeSpan.FromSeconds(seconds));
                answer = $"{{\"now\":\"{clock.UtcNow:O}\"}}";
                break;
            default:
                context.Response.StatusCode = 404;
                return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteJsonErrorAsync(HttpContext context, AwsServiceException error, bool organizations)
    {
        context.Response.StatusCode = error.StatusCode;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.Code);
            // Organizations spells the member "Message"; Config and the common errors "message".
            writer.WriteString(organizations ? "Message" : "message", error.Message);
            if (error.Reason is not null)
            {
                writer.WriteString("Reason", error.Reason);
            }

            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted);
    }

    private static async Task WriteXmlAsync(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulator failed to answer {Operation}")]
    private static partial void LogUnhandled(ILogger logger, string operation, Exception exception);
}
