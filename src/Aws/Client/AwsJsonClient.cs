using System.Diagnostics;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using ComplianceReport.Aws.Diagnostics;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// A generic AWS JSON 1.1 client on AWSSDK.Core: the SDK signs (SigV4, session token included),
/// retries (standard mode: throttling, 5xx and timeouts with back-off; see <see cref="PacedRetryPolicy"/>)
/// and refreshes credentials; this class only turns operation name + request object into the wire
/// call and the body back into an object.
/// </summary>
public sealed class AwsJsonClient : AmazonServiceClient
{
    private readonly AwsJsonServiceMetadata _metadata;

    public AwsJsonClient(AWSCredentials credentials, AwsJsonClientSettings settings)
        : base(credentials, new AwsJsonClientConfig(settings))
    {
        Service = settings.Service;
        _metadata = new AwsJsonServiceMetadata(settings.Service.ServiceId);
    }

    public AwsJsonService Service { get; }

    protected override IServiceMetadata ServiceMetadata => _metadata;

    /// <summary>Calls <paramref name="operation"/> with <paramref name="request"/> serialized as the JSON body.</summary>
    /// <exception cref="AwsServiceException">AWS answered with an error (after the SDK's retries).</exception>
    /// <exception cref="AwsMalformedResponseException">The answer could not be read.</exception>
    /// <exception cref="AwsRequestTimeoutException">The last attempt got no answer in time.</exception>
    public Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken) =>
        InvokeAsync<TRequest, TResponse>(operation, request, pacedAttempt: 0, cancellationToken);

    /// <summary>
    /// As above; a <paramref name="pacedAttempt"/> above 0 says the caller paces the call and retries
    /// throttling itself (that attempt number), so the SDK hands throttling straight back.
    /// </summary>
    internal async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, int pacedAttempt, CancellationToken cancellationToken)
    {
        using var activity = AwsTelemetry.ActivitySource.StartActivity($"{Service.ServiceId}.{operation}", ActivityKind.Client);
        activity?.SetTag("rpc.system", "aws-api");
        activity?.SetTag("rpc.service", Service.ServiceId);
        activity?.SetTag("rpc.method", operation);
        try
        {
            var result = await CallAsync<TRequest, TResponse>(operation, request, pacedAttempt, activity, cancellationToken).ConfigureAwait(false);
            RecordOutcome(operation, "ok");
            return result;
        }
        catch (AwsServiceException ex)
        {
            Fail(activity, operation, ex.ErrorCode, ex.Message, ex.RequestId, (int)ex.StatusCode);
            throw;
        }
        catch (TimeoutException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var config = (ClientConfig)Config;
            var timedOut = new AwsRequestTimeoutException(
                Service.ServiceId, operation, config.Timeout, config.MaxErrorRetry + 1, ex);
            Fail(activity, operation, "RequestTimeout", timedOut.Message, null, null);
            throw timedOut;
        }
        catch (AwsMalformedResponseException ex)
        {
            Fail(activity, operation, "MalformedResponse", ex.Message, ex.RequestId, null);
            throw;
        }
        catch (AmazonServiceException ex)
        {
            Fail(activity, operation, ex.ErrorCode ?? ex.GetType().Name, ex.Message, ex.RequestId, (int)ex.StatusCode);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail(activity, operation, ex.GetType().Name, ex.Message, null, null);
            throw;
        }
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AwsJsonEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new PacedRetryPolicy(Config)));
        pipeline.AddHandlerAfter<RetryHandler>(new AttemptTelemetryHandler());
    }

    private void Fail(Activity? activity, string operation, string code, string message, string? requestId, int? status)
    {
        activity?.SetStatus(ActivityStatusCode.Error, message);
        activity?.SetTag("error.type", code);
        activity?.SetTag("aws.request_id", requestId);
        activity?.SetTag("http.response.status_code", status);
        activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            ["exception.type"] = code,
            ["exception.message"] = message,
        }));
        RecordOutcome(operation, code);
    }

    private void RecordOutcome(string operation, string outcome) =>
        AwsTelemetry.Calls.Add(
            1,
            new KeyValuePair<string, object?>("rpc.service", Service.ServiceId),
            new KeyValuePair<string, object?>("rpc.method", operation),
            new KeyValuePair<string, object?>("outcome", outcome));

    private async Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, int pacedAttempt, Activity? activity, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options);
        var options = new InvokeOptions
        {
            RequestMarshaller = new AwsJsonMarshaller(Service),
            ResponseUnmarshaller = AwsJsonResponseUnmarshaller<TResponse>.Instance,
        };
        var response = await InvokeAsync<AwsJsonResponse<TResponse>>(new AwsJsonRequest(operation, payload, pacedAttempt), options, cancellationToken)
            .ConfigureAwait(false);
        activity?.SetTag("aws.request_id", response.ResponseMetadata?.RequestId);
        activity?.SetTag("http.response.status_code", (int)response.HttpStatusCode);
        if (response.MalformedReason is not null || response.Value is null)
        {
            throw new AwsMalformedResponseException(
                Service.ServiceId,
                operation,
                response.ResponseMetadata?.RequestId,
                response.HttpStatusCode,
                response.MalformedReason ?? "no body");
        }

        return response.Value;
    }
}
