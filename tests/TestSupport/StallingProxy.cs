using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ComplianceReport.TestSupport;

/// <summary>
/// An HTTP/1.1 proxy on a loopback port in front of one upstream (moto's S3), able to stall a
/// request or answer it in the upstream's place. Each request gets its own upstream connection
/// (it forwards <c>Connection: close</c>) and is read whole before it is forwarded, so a stalled or
/// killed client never leaves a half request in a single-threaded moto. A stalled request is
/// forwarded when its stall ends, whether or not its client is still there: like a PUT that S3
/// received in full from a process that died before the answer came.
/// </summary>
public sealed class StallingProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly TcpListener _listener;
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly List<Rule> _rules = [];
    private readonly List<string> _requestLines = [];
    private readonly Task _loop;

    public StallingProxy(string upstream)
    {
        _upstream = new Uri(upstream);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>What to give the client as its endpoint (AWS_ENDPOINT_URL_S3).</summary>
    public string Endpoint { get; }

    /// <summary>Every request line seen (<c>PUT /bucket/key?x HTTP/1.1</c>), in order of arrival.</summary>
    public IReadOnlyList<string> RequestLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestLines];
            }
        }
    }

    /// <summary>
    /// Holds the next request whose method matches and whose target contains the text for
    /// <paramref name="duration"/>, then forwards it. The task completes when that request has arrived whole.
    /// </summary>
    public Task StallNext(string method, string targetContains, TimeSpan duration)
    {
        var rule = new Rule(method, targetContains, Once: true, duration, Status: 0, Body: string.Empty);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule.Matched.Task;
    }

    /// <summary>Answers every matching request with the status and (XML) body, until <see cref="Clear"/>.</summary>
    public void Answer(string method, string targetContains, int status, string body)
    {
        lock (_gate)
        {
            _rules.Add(new Rule(method, targetContains, Once: false, TimeSpan.Zero, status, body));
        }
    }

    /// <summary>Forgets every rule: from now on everything is forwarded as it comes.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the loop this way.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeSafelyAsync(client));
        }
    }

    private async Task ServeSafelyAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client.GetStream());
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
            {
                // The client went away (a killed silo), or the proxy is stopping.
            }
        }
    }

    private async Task ServeAsync(NetworkStream client)
    {
        var token = _stopping.Token;
        var (head, rest) = await ReadHeadAsync(client, token);
        var lines = head.Split("\r\n");
        var requestLine = lines[0];
        var parts = requestLine.Split(' ');
        if (parts.Length < 3)
        {
            throw new InvalidDataException("Not an HTTP request: " + requestLine);
        }

        var headers = lines.Skip(1).Where(l => l.Length > 0).ToList();
        var contentLength = headers
            .Select(h => h.Split(':', 2))
            .Where(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => long.Parse(h[1].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        if (headers.Exists(h => h.StartsWith("Expect:", StringComparison.OrdinalIgnoreCase) && h.Contains("100-continue", StringComparison.OrdinalIgnoreCase)))
        {
            // Answered here, so the whole body is in hand before anything reaches the upstream.
            await client.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), token);
        }

        var body = new MemoryStream();
        body.Write(rest);
        var buffer = new byte[64 * 1024];
        while (body.Length < contentLength)
        {
            var read = await client.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, contentLength - body.Length)), token);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before sending the whole body.");
            }

            body.Write(buffer, 0, read);
        }

        Rule? rule;
        lock (_gate)
        {
            _requestLines.Add(requestLine);
            rule = _rules.Find(r => r.Method == parts[0] && parts[1].Contains(r.TargetContains, StringComparison.Ordinal));
            if (rule is { Once: true })
            {
                _rules.Remove(rule);
            }
        }

        if (rule is { Status: > 0 })
        {
            var bytes = Encoding.UTF8.GetBytes(rule.Body);
            var response = $"HTTP/1.1 {rule.Status} Proxy\r\nContent-Type: application/xml\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await client.WriteAsync(Encoding.ASCII.GetBytes(response), token);
            await client.WriteAsync(bytes, token);
            return;
        }

        if (rule is not null)
        {
            rule.Matched.TrySetResult();
            await Task.Delay(rule.Stall, token);
        }

        using var upstream = new TcpClient();
        await upstream.ConnectAsync(_upstream.Host, _upstream.Port, token);
        var server = upstream.GetStream();
        var forwarded = new StringBuilder(requestLine).Append("\r\n");
        foreach (var header in headers.Where(h => !h.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && !h.StartsWith("Expect:", StringComparison.OrdinalIgnoreCase)))
        {
            forwarded.Append(header).Append("\r\n");
        }

        forwarded.Append("Connection: close\r\n\r\n");
        await server.WriteAsync(Encoding.ASCII.GetBytes(forwarded.ToString()), token);
        body.Position = 0;
        await body.CopyToAsync(server, token);

        // The upstream closes after its one answer (Connection: close); pass it all back.
        await server.CopyToAsync(client, token);
    }

    private static async Task<(string Head, byte[] Remainder)> ReadHeadAsync(NetworkStream client, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        while (received.Count < MaxHeadBytes)
        {
            var read = await client.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before a whole request head.");
            }

            received.AddRange(buffer.AsSpan(0, read));
            var all = received.ToArray();
            var end = all.AsSpan().IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.ASCII.GetString(all, 0, end), all[(end + 4)..]);
            }
        }

        throw new InvalidDataException("Request head too large.");
    }

    private sealed record Rule(string Method, string TargetContains, bool Once, TimeSpan Stall, int Status, string Body)
    {
        public TaskCompletionSource Matched { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
