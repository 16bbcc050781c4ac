using System.Net;
using System.Net.Sockets;
using ComplianceReport.HealthProbe;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Deploy.Tests;

/// <summary>The silo image's HEALTHCHECK program against a local HTTP listener.</summary>
public sealed class HealthProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Healthy_when_the_endpoint_answers_200()
    {
        using var server = Serve(HttpStatusCode.OK, out var url);

        Assert.Equal(Probe.Healthy, await Probe.CheckAsync(url, Timeout, TextWriter.Null));
    }

    [Fact]
    public async Task Unhealthy_with_the_status_when_the_endpoint_answers_503()
    {
        using var server = Serve(HttpStatusCode.ServiceUnavailable, out var url);
        var error = new StringWriter();

        Assert.Equal(Probe.Unhealthy, await Probe.CheckAsync(url, Timeout, error));
        Assert.Contains("503", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unhealthy_when_nothing_listens()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/health/live");
        var error = new StringWriter();

        Assert.Equal(Probe.Unhealthy, await Probe.CheckAsync(url, Timeout, error));
        Assert.Contains("unreachable", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unhealthy_when_the_endpoint_hangs_past_the_timeout()
    {
        // Accepts the connection and never answers: a silo stuck in a blocked thread pool.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/health/live");
        var error = new StringWriter();

        Assert.Equal(Probe.Unhealthy, await Probe.CheckAsync(url, TimeSpan.FromMilliseconds(300), error));
        Assert.Contains("did not answer", error.ToString(), StringComparison.Ordinal);
    }

    private static HttpListener Serve(HttpStatusCode status, out Uri url)
    {
        var port = FreePort.Next();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                context.Response.StatusCode = context.Request.Url?.AbsolutePath == "/health/live" ? (int)status : 404;
                context.Response.Close();
            }
        });
        url = new Uri($"http://127.0.0.1:{port}/health/live");
        return listener;
    }
}
