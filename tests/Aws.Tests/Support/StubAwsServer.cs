using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Aws.Tests.Support;

/// <summary>
/// A local HTTP listener on a free loopback port that plays an AWS service: every request is
/// recorded and answered by the test's handler.
/// </summary>
public sealed class StubAwsServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<StubRequest, StubResponse> _handler;
    private readonly Task _loop;

    private StubAwsServer(Func<StubRequest, StubResponse> handler)
    {
        _handler = handler;
        var port = FreePort.Next();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{Endpoint}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public static StubAwsServer Start(Func<StubRequest, StubResponse> handler) => new(handler);

    public int CountOf(string operation) => Requests.Count(r => r.Operation == operation);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = reader.ReadToEnd();
        var headers = context.Request.Headers.AllKeys
            .Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var request = new StubRequest(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/", headers, body);
        Requests.Enqueue(request);
        StubResponse response;
        try
        {
            response = _handler(request);
        }
        catch (Exception ex)
        {
            response = new StubResponse(599, $"stub handler failed: {ex}", "text/plain");
        }

        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (!(response.Headers?.ContainsKey("x-amzn-RequestId") ?? false))
        {
            context.Response.Headers["x-amzn-RequestId"] = $"req-{Requests.Count}";
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
}
