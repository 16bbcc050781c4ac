using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using ComplianceReport.AwsSimulator;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Reliability.Tests.Crashes;

/// <summary>
/// What the silo processes of every crash test share: moto for DynamoDB and S3, and an AWS
/// simulator slow enough (latency, a modest client pace) that a run can be interrupted mid-scan.
/// </summary>
public sealed class CrashClusterFixture : IAsyncLifetime
{
    public const int MemberAccounts = 16;

    private readonly SerializedMotoServer _moto = new();

    public SimulatorApp Simulator { get; private set; } = null!;

    public string MotoEndpoint => _moto.Endpoint;

    public async Task InitializeAsync()
    {
        await _moto.InitializeAsync();
        Simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = MemberAccounts,
            Seed = 23,
            LatencyMs = 80,
            DenyAccounts = 1,
            NoConfigAccounts = 1,
        });
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await _moto.DisposeAsync();
    }

    public AmazonS3Client S3() => new(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = MotoEndpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public AmazonDynamoDBClient DynamoDb() => new(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = MotoEndpoint, AuthenticationRegion = "us-east-1" });
}
