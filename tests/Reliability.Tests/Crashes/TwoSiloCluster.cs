using System.Globalization;
using Amazon.S3.Model;
using ComplianceReport.DynamoDb;
using ComplianceReport.DynamoDb.Hosting;
using ComplianceReport.Grains.Interfaces.Serialization;
using ComplianceReport.Reliability.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace ComplianceReport.Reliability.Tests.Crashes;

/// <summary>
/// Two production silos as separate processes (`dotnet ComplianceReport.Silo.dll`, configured
/// mode) on DynamoDB clustering, storage and reminders in moto, delivering to an S3 bucket in moto
/// and to a Jira dry-run file. Each silo keeps its ports across restarts, as an ECS task would.
/// </summary>
public sealed class TwoSiloCluster : IAsyncDisposable
{
    /// <summary>A Jira token only this test knows, to prove it never leaks.</summary>
    public const string JiraToken = "jira-canary-token-5f3c9e1d77a04b6b";

    private readonly CrashClusterFixture _fixture;
    private readonly Action<int, Dictionary<string, string>>? _configure;
    private readonly AppProcess?[] _silos = new AppProcess?[2];
    private readonly (int Silo, int Gateway, int Http)[] _ports;
    private readonly List<string> _pastOutput = [];
    private IHost? _client;

    /// <param name="configure">Changes a silo's environment (by silo index) after the defaults are set.</param>
    public TwoSiloCluster(CrashClusterFixture fixture, string name, Action<int, Dictionary<string, string>>? configure = null)
    {
        _fixture = fixture;
        _configure = configure;
        TablePrefix = $"rel-{name}";
        Bucket = $"reports-{name}";
        _ports = [.. Enumerable.Range(0, 2).Select(_ => (StablePort.Next(), StablePort.Next(), StablePort.Next()))];
    }

    public string TablePrefix { get; }

    public string Bucket { get; }

    public string OutputDirectory { get; } = Directory.CreateTempSubdirectory("compliance-crash-").FullName;

    public IGrainFactory Grains => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("Connect first.");

    /// <summary>Everything every silo process printed, including those that were killed.</summary>
    public string AllOutput => string.Join("\n", _pastOutput.Concat(_silos.Where(s => s is not null).Select(s => s!.Output)));

    public string Output(int silo) => _silos[silo]?.Output ?? string.Empty;

    public async Task CreateBucketAsync()
    {
        using var s3 = _fixture.S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
    }

    public async Task StartSiloAsync(int index)
    {
        var silo = AppProcess.Start(BuiltApp.Silo, [], Environment(index));
        _silos[index] = silo;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (silo.HasExited)
            {
                throw new InvalidOperationException($"silo {index} exited with {silo.ExitCode}:\n{silo.Output}");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{_ports[index].Http}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"silo {index} did not become ready:\n{silo.Output}");
    }

    /// <summary>kill -9 of one silo: no graceful shutdown, no last checkpoint.</summary>
    public void Kill(int index)
    {
        var silo = _silos[index] ?? throw new InvalidOperationException($"silo {index} is not running");
        silo.Kill();
        _pastOutput.Add(silo.Output);
        _silos[index] = null;
    }

    /// <summary>The silo whose log shows that it started or resumed the run.</summary>
    public int HostOf(string runId)
    {
        for (var i = 0; i < _silos.Length; i++)
        {
            var output = Output(i);
            if (output.Contains($"Run {runId} started", StringComparison.Ordinal) || output.Contains($"Run {runId} resumed", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public async Task ConnectAsync()
    {
        await DisconnectAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = TablePrefix;
                o.ServiceId = TablePrefix;
            });
            client.UseDynamoDbClustering(o =>
            {
                o.TableName = DynamoDbTableNames.For(TablePrefix).Membership;
                o.ServiceUrl = _fixture.MotoEndpoint;
                o.Region = "us-east-1";
                o.AccessKeyId = "test";
                o.SecretAccessKey = "test";
            });
            client.Services.AddSerializer(s => s.AddComplianceModel());
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        });
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task DisconnectAsync()
    {
        if (_client is not null)
        {
            try
            {
                await _client.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // The gateways are gone; nothing to say goodbye to.
            }

            _client.Dispose();
            _client = null;
        }
    }

    public async Task<List<S3Object>> ListBucketAsync()
    {
        using var s3 = _fixture.S3();
        var response = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        return response.S3Objects ?? [];
    }

    public async Task<byte[]> DownloadAsync(string key)
    {
        using var s3 = _fixture.S3();
        using var response = await s3.GetObjectAsync(Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        for (var i = 0; i < _silos.Length; i++)
        {
            if (_silos[i] is { } silo)
            {
                await silo.DisposeAsync();
            }
        }

        Directory.Delete(OutputDirectory, recursive: true);
    }

    private Dictionary<string, string> Environment(int index)
    {
        var simulator = _fixture.Simulator;
        var environment = new Dictionary<string, string>
        {
            ["Cluster__Clustering"] = "DynamoDB",
            ["Cluster__Storage"] = "DynamoDB",
            ["Cluster__CreateTables"] = "true",
            ["Cluster__TablePrefix"] = TablePrefix,
            ["Cluster__ClusterId"] = TablePrefix,
            ["Cluster__ServiceId"] = TablePrefix,
            ["Cluster__SiloPort"] = _ports[index].Silo.ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = _ports[index].Gateway.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_ports[index].Http}",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = _fixture.MotoEndpoint,
            ["AWS_ENDPOINT_URL_S3"] = _fixture.MotoEndpoint,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = simulator.Options.HubKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = simulator.Options.HubSecret,
            ["Aws__ServiceUrl"] = simulator.Endpoint.ToString().TrimEnd('/'),
            ["Aws__Region"] = "us-east-1",
            ["Organization__ManagementAccountId"] = simulator.ManagementAccountId,
            ["Scan__MaxConcurrentAccounts"] = "2",
            ["Scan__RequestsPerSecond"] = "4",
            ["Scan__ResultMaxAge"] = "00:00:01",
            ["Report__OutputDirectory"] = OutputDirectory,
            ["Report__S3Bucket"] = Bucket,
            ["Report__S3Region"] = "us-east-1",
            ["Jira__DryRun"] = "true",
            ["Jira__BaseUrl"] = "https://example.atlassian.net",
            ["Jira__ProjectKey"] = "SEC",
            ["Jira__Email"] = "bot@example.com",
            ["Jira__ApiToken"] = JiraToken,
        };
        for (var i = 0; i < simulator.Organization.Regions.Count; i++)
        {
            environment[$"Organization__Regions__{i}"] = simulator.Organization.Regions[i];
        }

        _configure?.Invoke(index, environment);
        return environment;
    }
}
