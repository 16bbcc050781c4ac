using System.Globalization;
using System.Net;
using ComplianceReport.AwsSimulator.Faults;
using ComplianceReport.AwsSimulator.Generation;
using ComplianceReport.AwsSimulator.Hosting;
using ComplianceReport.AwsSimulator.Model;
using ComplianceReport.AwsSimulator.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.AwsSimulator;

/// <summary>
/// The AWS simulator running in this process: STS, Organizations and Config on one loopback port.
/// Start it, point AWS clients at <see cref="Endpoint"/> with the hub key pair, dispose to stop.
/// </summary>
public sealed class SimulatorApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ComplianceWorld _world;
    private readonly SimulatorClock _clock;
    private readonly AggregatorView _aggregator;

    private SimulatorApp(WebApplication app, SimulatorOptions options, Uri endpoint)
    {
        _app = app;
        Options = options;
        Endpoint = endpoint;
        _world = app.Services.GetRequiredService<ComplianceWorld>();
        _clock = app.Services.GetRequiredService<SimulatorClock>();
        _aggregator = app.Services.GetRequiredService<AggregatorView>();
        Counters = app.Services.GetRequiredService<SimulatorCounters>();
    }

    /// <summary>http://127.0.0.1:PORT/ — give it to clients as the endpoint of STS, Organizations and Config.</summary>
    public Uri Endpoint { get; }

    public SimulatorOptions Options { get; }

    public string ManagementAccountId => _world.Organization.ManagementAccountId;

    /// <summary>The account of the hub identity (outside the organization).</summary>
    public string HubAccountId => _world.Organization.HubAccountId;

    /// <summary>The role the hub assumes in the management account to list the organization.</summary>
    public string ListOrgRoleArn => $"arn:aws:iam::{ManagementAccountId}:role/{StsHandler.ListOrgRoleName}";

    public SimulatedOrganization Organization => _world.Organization;

    /// <summary>The member account that hosts the organization's Config aggregator (in <see cref="AggregatorRegion"/>).</summary>
    public string AggregatorAccountId => _aggregator.AccountId;

    public string AggregatorRegion => _aggregator.Region;

    public string AggregatorName => _aggregator.Name;

    /// <summary>The role the hub assumes in the aggregator's account to read the aggregator.</summary>
    public string AggregatorRoleArn => $"arn:aws:iam::{AggregatorAccountId}:role/{StsHandler.AggregatorRoleName}";

    public SimulatorCounters Counters { get; }

    /// <summary>The simulated week: 0 at start, raised by <see cref="AdvanceWeek"/> or POST /_sim/advance-week.</summary>
    public int Week => _world.Week;

    /// <summary>Account-region data sets generated so far (they are made on first use).</summary>
    public long GeneratedRegions => _world.GeneratedRegions;

    public static async Task<SimulatorApp> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        // One line per entry: in the demo the simulator shares the console with the progress display.
        builder.Services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddAwsSimulator(options);
        var app = builder.Build();
        var dispatcher = app.Services.GetRequiredService<RequestDispatcher>();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        var port = new Uri(address).Port;
        return new SimulatorApp(app, options, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
    }

    /// <summary>The role the hub assumes in <paramref name="accountId"/> to read Config.</summary>
    /// <summary>The owner teams the generated resources are tagged with (tag <c>Owner</c>).</summary>
    public static IReadOnlyList<string> ResourceOwners => RegionGenerator.ResourceTeams;

    public static string ReadRoleArn(string accountId) => $"arn:aws:iam::{accountId}:role/{StsHandler.ReadRoleName}";

    /// <summary>Config data of one account and region as of the current week (generated on demand, exactly what the APIs serve).</summary>
    public SimulatedRegion GetRegion(string accountId, string region)
    {
        if (_world.FindAccount(accountId) is null)
        {
            throw new ArgumentException($"Account {accountId} is not in the simulated organization.", nameof(accountId));
        }

        return _world.View(accountId, region);
    }

    /// <summary>Moves to the next week: some findings resolve, some new ones open. Returns the new week number.</summary>
    public int AdvanceWeek() => _world.AdvanceWeek();

    /// <summary>Moves the simulator's clock forward, e.g. past a session's expiry.</summary>
    public void AdvanceClock(TimeSpan by) => _clock.Advance(by);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
