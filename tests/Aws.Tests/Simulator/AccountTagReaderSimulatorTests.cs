using Amazon.Runtime;
using ComplianceReport.Aws.Hosting;
using ComplianceReport.AwsSimulator;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReport.Aws.Tests.Simulator;

/// <summary>
/// The registered <see cref="IAccountTagReader"/> against the simulator: every readable account's
/// tags exactly (through empty pages), the refused accounts named once in Unavailable, and a role
/// that may not assume answered as denied rather than thrown.
/// </summary>
public sealed class AccountTagReaderSimulatorTests
{
    [Fact]
    public async Task Tags_of_every_account_except_the_refused_ones_which_are_reported_once()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 60, Seed = 21, TagDeniedShare = 0.1, ThrottleRps = 20, ThrottleBurst = 5 });
        await using var provider = Provider(simulator, simulator.ManagementAccountId);
        var reader = provider.GetRequiredService<IAccountTagReader>();
        var accounts = simulator.Organization.Accounts;

        var tags = await reader.ReadAsync(accounts.Select(a => a.Id).ToAsyncEnumerable(), CancellationToken.None);

        var refused = accounts.Where(a => a.TagsDenied).ToList();
        Assert.NotEmpty(refused);
        Assert.NotNull(tags.Unavailable);
        Assert.Contains($"failed for {refused.Count} of {accounts.Count} accounts", tags.Unavailable, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", tags.Unavailable, StringComparison.Ordinal);
        foreach (var account in accounts)
        {
            Assert.Equal(
                account.TagsDenied ? [] : account.Tags.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal),
                tags.For(account.Id).Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
        }

        Assert.True(accounts.Count(a => tags.For(a.Id).ContainsKey("Owner") || tags.For(a.Id).ContainsKey("Team")) > accounts.Count / 2);
        Assert.True(simulator.Counters.TotalRequests > accounts.Count, "empty pages were not followed");
    }

    [Fact]
    public async Task A_list_org_role_that_cannot_be_assumed_gives_the_denied_result()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 5, Seed = 22 });

        // A management account id the simulator does not know: its list-org role is refused.
        await using var provider = Provider(simulator, "999999999999");

        var tags = await provider.GetRequiredService<IAccountTagReader>().ReadAsync(simulator.Organization.Accounts.Select(a => a.Id).ToAsyncEnumerable(), CancellationToken.None);

        Assert.NotNull(tags.Unavailable);
        Assert.Empty(tags.ByAccountId);
        Assert.Contains("ListTagsForResource not attempted", tags.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopped_it_drops_the_reads_still_waiting_for_the_pacing_and_returns_those_done()
    {
        // One call a second: every read but the first waits its turn, four at a time.
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 30, Seed = 23, ThrottleRps = 1, ThrottleBurst = 1 });
        await using var provider = Provider(simulator, simulator.ManagementAccountId, requestsPerSecond: 1);
        var reader = provider.GetRequiredService<IAccountTagReader>();
        var accounts = simulator.Organization.Accounts;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2.5));

        var read = reader.ReadUntilAsync(accounts.Select(a => a.Id).ToAsyncEnumerable(), stop.Token, CancellationToken.None);
        var returned = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(3.5)));

        // Within a second of the stop, though three more reads were queued; those done are kept, those dropped are no failures.
        Assert.Same(read, returned);
        var tags = await read;
        Assert.InRange(tags.ByAccountId.Count, 1, 4);
        Assert.Null(tags.Unavailable);
        foreach (var (id, accountTags) in tags.ByAccountId)
        {
            var account = Assert.Single(accounts, a => a.Id == id);
            Assert.Equal(account.Tags.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal), accountTags.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
        }
    }

    private static ServiceProvider Provider(SimulatorApp simulator, string managementAccountId, double requestsPerSecond = 50)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Organization:ManagementAccountId"] = managementAccountId,
            ["Organization:Regions:0"] = "us-east-1",
            ["Aws:ServiceUrl"] = simulator.Endpoint.ToString(),
            ["Scan:RequestsPerSecond"] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scan:RequestsBurst"] = requestsPerSecond >= 10 ? "10" : "1",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<AWSCredentials>(new BasicAWSCredentials(simulator.Options.HubKeyId, simulator.Options.HubSecret))
            .AddAwsAdapters(configuration)
            .BuildServiceProvider();
    }
}
