using Xunit;

namespace ComplianceReport.TestSupport;

/// <summary>
/// moto_server (moto 5.2.1) on a free loopback port, standing in for DynamoDB, S3, STS and
/// Organizations. Use as an xunit class or collection fixture.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private ServerProcess? _server;

    /// <summary>The endpoint to give the AWS SDK as ServiceURL or AWS_ENDPOINT_URL.</summary>
    public string Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("moto_server has not started.");

    public async Task InitializeAsync()
    {
        var moto = RequiredTool.Find("pip install \"moto[server]\"", "moto_server");
        var port = FreePort.Next();
        _server = await ServerProcess.StartAsync(
            moto,
            ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            port,
            TimeSpan.FromSeconds(30));
    }

    /// <summary>Forgets everything moto holds, so a test starts from an empty account.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{Endpoint}/moto-api/reset", content: null);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
