using System.Net;
using System.Text;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Grains.Tests;

/// <summary>
/// A local OTLP/HTTP receiver: accepts what exporters POST to /v1/traces (and metrics, logs) and
/// keeps the raw protobuf bodies. Strings sit verbatim in protobuf, so tests can look for them.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<byte[]> _traces = [];
    private readonly Task _loop;

    public OtlpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>All trace export bodies so far, as Latin-1 text (bytes preserved one to one).</summary>
    public string TraceText
    {
        get
        {
            lock (_traces)
            {
                return string.Concat(_traces.Select(b => Encoding.Latin1.GetString(b)));
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task LoopAsync()
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

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url!.AbsolutePath == "/v1/traces")
            {
                lock (_traces)
                {
                    _traces.Add(body.ToArray());
                }
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
