using System.Globalization;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Reliability.Tests.Support;

/// <summary>
/// moto (DynamoDB, S3) served one request at a time. moto_server's threaded server lets two silos'
/// membership transactions interleave, which DynamoDB itself never does; serving requests one by
/// one gives the conditional-write isolation the membership protocol relies on.
/// </summary>
public sealed class SingleThreadedMoto : IAsyncLifetime
{
    private const string Script =
        "import sys\n" +
        "try:\n" +
        "    from werkzeug.serving import run_simple\n" +
        "    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app\n" +
        "except ImportError as e:\n" +
        "    sys.exit('moto is not installed for this python3 (pip install \"moto[server]\"): %s' % e)\n" +
        "run_simple('127.0.0.1', int(sys.argv[1]), DomainDispatcherApplication(create_backend_app), threaded=False)\n";

    private ServerProcess? _server;

    public string Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("moto has not started.");

    public async Task InitializeAsync()
    {
        RequiredTool.Find("pip install \"moto[server]\"", "moto_server");
        var python = RequiredTool.Find("install python3, then pip install \"moto[server]\"", "python3");
        var port = FreePort.Next();
        _server = await ServerProcess.StartAsync(python, ["-c", Script, port.ToString(CultureInfo.InvariantCulture)], port, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
