using System.Globalization;
using Xunit;

namespace ComplianceReport.TestSupport;

/// <summary>
/// moto's DynamoDB served by a single-threaded server. moto_server handles requests on parallel
/// threads and its TransactWriteItems neither locks nor isolates (a cancelled transaction even
/// restores a table copy taken before concurrent writes), so "exactly one of 20 concurrent
/// conditional writes wins" only holds when requests are served one at a time, as DynamoDB
/// itself guarantees; the same holds for silos racing on the membership table. Tests that race
/// writers use this; the others use <see cref="MotoServer"/>.
/// </summary>
public sealed class SerializedMotoServer : IAsyncLifetime
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
        // moto_server is a script of the python that has moto installed; python3 on PATH is that one
        // wherever pip put moto_server on PATH (CI: scripts/test.sh).
        RequiredTool.Find("pip install \"moto[server]\"", "moto_server");
        var python = RequiredTool.Find("install python3 with pip install \"moto[server]\"", "python3");
        var port = FreePort.Next();
        _server = await ServerProcess.StartAsync(
            python,
            ["-c", Script, port.ToString(CultureInfo.InvariantCulture)],
            port,
            TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
